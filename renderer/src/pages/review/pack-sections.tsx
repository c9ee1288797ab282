import type { MouseEvent } from 'react';
import { PRINT_TOC_PAGE, PRINT_TOC_TARGET } from '../../../../shared/print/print-page';
import type { Agreement, WorkSignal } from '../../../../shared/review/register-schemas';
import { formatDifference, formatFigure, type PackFigure } from './pack-figures';
import { useTranslation } from 'react-i18next';
import { formatDay } from './register-labels';

export function KeyFiguresTable({ figures, periodLabel, previousLabel }: { figures: PackFigure[]; periodLabel: string; previousLabel: string }) {
  const { t } = useTranslation();
  return (
    <table className="pack-table">
      <caption>{t('review.pack.keyFigures', { period: periodLabel, previous: previousLabel })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.pack.figure')}</th>
          <th scope="col">{periodLabel}</th>
          <th scope="col">{previousLabel}</th>
          <th scope="col">{t('review.pack.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.id} data-figure={f.id}>
            <th scope="row">{f.label}</th>
            <td className="number">{formatFigure(f.current, f.unit, t)}</td>
            <td className="number">{formatFigure(f.previous, f.unit, t)}</td>
            <td className="number">{formatDifference(f, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgreementsTable({ agreements, caption }: { agreements: Agreement[]; caption: string }) {
  const { t } = useTranslation();
  if (agreements.length === 0) return <p>{t('review.pack.noAgreements')}</p>;
  return (
    <table className="pack-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.table.what')}</th>
          <th scope="col">{t('review.table.owner')}</th>
          <th scope="col">{t('review.table.dueOn')}</th>
          <th scope="col">{t('review.table.status')}</th>
          <th scope="col">{t('review.table.evidence')}</th>
        </tr>
      </thead>
      <tbody>
        {agreements.map((a) => (
          <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
            <th scope="row">
              {a.what}
              {a.carriedOver && <span className="note"> ({t('review.pack.fromPeriod', { period: a.period })})</span>}
            </th>
            <td>{a.owner}</td>
            <td className="date">{formatDay(a.dueOn)}</td>
            <td>
              {t(`review.agreementStatus.${a.status}`)}
              {a.overdue && <strong className="overdue-label"> – {t('review.pack.overdue')}</strong>}
            </td>
            <td>{a.evidence ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SignalsTable({ signals, caption }: { signals: WorkSignal[]; caption: string }) {
  const { t } = useTranslation();
  if (signals.length === 0) return <p>{t('review.pack.noSignals')}</p>;
  return (
    <table className="pack-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.table.raisedOn')}</th>
          <th scope="col">{t('review.table.raisedBy')}</th>
          <th scope="col">{t('review.table.description')}</th>
          <th scope="col">{t('review.table.status')}</th>
          <th scope="col">{t('review.table.actionTaken')}</th>
        </tr>
      </thead>
      <tbody>
        {signals.map((s) => (
          <tr key={s.id}>
            <td className="date">{formatDay(s.raisedOn)}</td>
            <td>{s.raisedBy}</td>
            <th scope="row">
              {s.description}
              {s.carriedOver && <span className="note"> ({t('review.table.carriedOverSignal')})</span>}
            </th>
            <td>{t(`review.signalStatus.${s.status}`)}</td>
            <td>{s.actionTaken ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The pack's table of contents: each entry links to its section (in the PDF too: Chromium writes a named
 * destination for a link target); the PDF's outline has the same headings. The page numbers stay empty on
 * screen: the print fills them in (shared/print/print-page.ts data-print-toc-*, printed twice for that).
 */
export function PackContents({ contents }: { contents: { id: string; title: string }[] }) {
  const { t } = useTranslation();
  return (
    <nav className="pack-toc" aria-labelledby="pack-toc-title">
      <h2 id="pack-toc-title">{t('review.pack.toc')}</h2>
      <ol>
        {contents.map((entry) => (
          <li key={entry.id} {...{ [PRINT_TOC_TARGET]: entry.id }}>
            <a href={`#${entry.id}`} onClick={(event) => jumpTo(event, entry.id)}>
              <span className="pack-toc-title">{entry.title}</span>
              <span className="pack-toc-page" {...{ [PRINT_TOC_PAGE]: '' }} />
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** In-page jump (the app routes on the hash, so the link's own #id must not reach the router). */
function jumpTo(event: MouseEvent, id: string): void {
  event.preventDefault();
  const target = document.getElementById(id);
  if (!target) return;
  target.tabIndex = -1;
  target.scrollIntoView();
  target.focus();
}
