import { dayLabel, instantLabel } from '../lib/dates';
import { OfflineSnapshot } from '../lib/offline';

/** The last timetable seen on this device, for when the network is gone. */
export function OfflineTimetable({ snapshot }: { snapshot: OfflineSnapshot }) {
  return (
    <section className="offline" aria-labelledby="hors-ligne">
      <h2 id="hors-ligne">Dernier emploi du temps enregistré</h2>
      <p className="note">Enregistré le {instantLabel(snapshot.savedAt)} : il a pu changer depuis.</p>
      {snapshot.people.map((p) => (
        <article key={p.name} className="card">
          <h3>{p.name}</h3>
          {p.days.map((d) => (
            <div key={d.date}>
              <h4>{dayLabel(d.date)}</h4>
              {d.lessons.length === 0 ? (
                <p className="empty">Pas de cours.</p>
              ) : (
                <ul className="lessons">
                  {d.lessons.map((l, i) => (
                    <li key={i} className="lesson">
                      <span className="time">{l.time}</span> <span className="subject">{l.subject}</span>
                      {l.change && <strong className="change">{l.change}</strong>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </article>
      ))}
    </section>
  );
}
