import { keepPreviousData } from '@tanstack/react-query';
import { useCombobox } from 'downshift';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { searchWords, type CaseSearchResult } from '../../../../shared/api/case-search-schemas';
import { useOperationQuery } from '../../api/use-operation-query';
import { formatDate, formatInstant } from '../../i18n/format';
import { useDebouncedValue } from './use-debounced-value';
import { useFocusShortcut } from './use-focus-shortcut';

/** How long typing must pause before the search runs. */
const DEBOUNCE_MS = 150;
/** Few enough to see at once without a scrolling list of its own (the rest: type more). */
const LIMIT = 10;

/**
 * The one search box in the app header (issue 15 item 1): cases by any part of the suspect's name, the
 * parketnummer, the police unit or the offence, listed as you type (cases.search). A WAI-ARIA
 * combobox (downshift's useCombobox): arrow keys choose, Enter opens the case, Escape closes the list;
 * Ctrl+K or Cmd+K focuses the box from anywhere.
 */
export function CaseSearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  const [inputValue, setInputValue] = useState('');
  useFocusShortcut(input);

  const typed = inputValue.trim();
  const query = useDebouncedValue(typed, DEBOUNCE_MS);
  const searchable = searchWords(query).indexed.length > 0;
  // The previous list stays while the next one loads, so it does not flicker as you type.
  const search = useOperationQuery('cases.search', { query, limit: LIMIT }, { enabled: searchable, placeholderData: keepPreviousData, staleTime: 5_000 });
  const answer = searchable && searchWords(typed).indexed.length > 0 ? search.data : undefined;
  const items = answer?.results ?? [];

  const { isOpen, highlightedIndex, getInputProps, getLabelProps, getMenuProps, getItemProps } = useCombobox<CaseSearchResult>({
    items,
    inputValue,
    selectedItem: null,
    itemToString: (item) => item?.parketnummer ?? '',
    itemToKey: (item) => item?.id,
    onInputValueChange: ({ inputValue: value }) => setInputValue(value),
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem) return;
      void navigate(`/zaken/${selectedItem.id}`);
      // The case opens; reading goes on there (as the skip link does).
      document.getElementById('main')?.focus();
    },
    stateReducer: (state, { type, changes }) => {
      switch (type) {
        // Enter without a highlighted case opens the first one (a whole parketnummer typed, then Enter).
        case useCombobox.stateChangeTypes.InputKeyDownEnter: {
          const chosen = state.highlightedIndex >= 0 ? changes.selectedItem : items[0];
          return chosen ? { ...changes, selectedItem: chosen, inputValue: '', isOpen: false } : changes;
        }
        case useCombobox.stateChangeTypes.ItemClick:
          return changes.selectedItem ? { ...changes, inputValue: '', isOpen: false } : changes;
        case useCombobox.stateChangeTypes.InputChange:
          return { ...changes, isOpen: (changes.inputValue ?? '').trim().length > 0 };
        // Leaving the box never opens a case by itself.
        case useCombobox.stateChangeTypes.InputBlur:
          return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
        default:
          return changes;
      }
    },
  });

  const open = isOpen && typed.length > 0;
  const status = !open
    ? ''
    : searchWords(typed).indexed.length === 0
      ? t('search.tooShort')
      : search.isError && !answer
        ? t('search.failed')
        : !answer || (answer.query !== typed && items.length === 0)
          ? t('search.searching')
          : items.length === 0
            ? t('search.noResults', { query: answer.query })
            : answer.more
              ? t('search.more', { count: items.length })
              : t('search.count', { count: items.length });

  return (
    <div className="case-search">
      <label className="visually-hidden" {...getLabelProps()}>
        {t('search.label')}
      </label>
      <input
        type="search"
        className="case-search-input"
        placeholder={t('search.placeholder')}
        aria-keyshortcuts="Control+K Meta+K"
        aria-describedby="case-search-hint"
        spellCheck={false}
        maxLength={100}
        {...getInputProps({ ref: setInput })}
      />
      <span id="case-search-hint" className="visually-hidden">
        {t('search.hint')}
      </span>
      <div className="case-search-popup" hidden={!open}>
        <p role="status" className="case-search-status">
          {status}
        </p>
        <ul className="case-search-results" {...getMenuProps()} hidden={!open || items.length === 0}>
          {open &&
            items.map((item, index) => (
              <li key={item.id} className={index === highlightedIndex ? 'case-search-option highlighted' : 'case-search-option'} {...getItemProps({ item, index })}>
                <ResultText item={item} />
              </li>
            ))}
        </ul>
      </div>
    </div>
  );
}

/** What tells cases apart: parketnummer, name and birth date; offence and unit; status; a detained suspect's hard limit. */
function ResultText({ item }: { item: CaseSearchResult }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="case-search-line">
        <strong>{item.parketnummer}</strong> {item.suspectName}
        {item.dateOfBirth ? `, ${t('search.born', { date: formatDate(item.dateOfBirth) })}` : ''}
      </span>
      <span className="case-search-line muted">
        {item.offenceSummary} · {item.policeUnit} · {t(`caseStatus.${item.status}`)} · {t(`modality.${item.modality}`)}
      </span>
      {(item.detained || item.hardLimit) && (
        <span className="case-search-line">
          {item.detained && <span className="badge">{t('search.detained')}</span>}{' '}
          {item.hardLimit && t('search.limit', { kind: t(`queue.limitKind.${item.hardLimit.kind}`), at: formatInstant(item.hardLimit.at) })}
        </span>
      )}
    </>
  );
}
