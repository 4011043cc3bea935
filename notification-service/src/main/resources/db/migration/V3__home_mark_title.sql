-- The assessment's title, when the event carries it (MarksPublished / MarkChanged, optional since
-- grades-service added it): the home then names the assessment as the notice does.
alter table home_mark add column title text;
