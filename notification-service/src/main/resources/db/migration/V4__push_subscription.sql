-- Web push: the devices each person turned push notifications on for (one browser profile = one
-- endpoint). Push deliveries themselves are rows of `delivery` with channel 'PUSH' (one per event,
-- recipient and channel, like e-mail), sent to every device of the recipient.
create table push_subscription (
    id              bigint generated always as identity primary key,
    person_id       uuid        not null,
    endpoint        text        not null unique,   -- the push service's URL for this device (a capability: never shown to others)
    p256dh          text        not null,          -- the device's ECDH public key (base64url, 65 bytes)
    auth            text        not null,          -- the device's auth secret (base64url, 16 bytes)
    label           text,                          -- a short name of the browser, for the person's list of devices
    created_at      timestamptz not null,
    last_success_at timestamptz
);
create index push_subscription_person on push_subscription (person_id);
