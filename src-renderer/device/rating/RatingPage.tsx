/**
 * Máy đánh giá at one counter: idle until core says a dossier was received or returned here, then
 * asks the citizen for the overall level and, if they wish, the criteria of the official sheet and
 * a comment; one answer per event. Back to idle after the thanks, or when nobody touches the
 * screen for a while (the next citizen must not answer for the last one).
 */
import { Alert, Button, Input, Radio } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EVALUATION_SHEET, RATING_COMMENT_MAX, SATISFACTION_LEVELS, SATISFACTION_LEVEL_NAMES, type SatisfactionLevel } from '@shared/domain/satisfaction';
import type { OpenRating } from '@shared/rpc/ratings';
import { vi } from '../../i18n/vi';
import { call, subscribeEvents } from '../../rpc/client';
import { errorText } from '../../ui/errors';

const t = vi.rating;
/** Without a touch for this long, the question is withdrawn. */
export const RATING_IDLE_MS = 90_000;
const THANKS_MS = 8_000;

export function RatingPage({ counterNo }: { counterNo: number | null }) {
  const [open, setOpen] = useState<OpenRating | null>(null);
  const [level, setLevel] = useState<SatisfactionLevel | null>(null);
  const [criteria, setCriteria] = useState<Record<number, SatisfactionLevel>>({});
  const [comment, setComment] = useState('');
  const [thanks, setThanks] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [touchedAt, setTouchedAt] = useState(0);
  /** Openings already answered or withdrawn here: a reload does not ask them again. */
  const done = useRef(new Set<string>());

  const show = useCallback((o: OpenRating | null) => {
    if (!o || done.current.has(o.id)) return;
    setOpen(o);
    setLevel(null);
    setCriteria({});
    setComment('');
    setError(null);
    setThanks(false);
    setTouchedAt((n) => n + 1);
  }, []);

  useEffect(() => {
    setOpen(null);
    call('ratings.pending', {})
      .then((r) => show(r.open))
      .catch((err: unknown) => setError(errorText(err)));
    return subscribeEvents((name, payload) => {
      if (name === 'rating.opened') show(payload as OpenRating);
    });
    // Asked again when the administrator moves the tablet to another counter.
  }, [show, counterNo]);

  const withdraw = useCallback(() => {
    setOpen((o) => {
      if (o) done.current.add(o.id);
      return null;
    });
    setThanks(false);
  }, []);

  useEffect(() => {
    if (!open && !thanks) return;
    const timer = setTimeout(withdraw, thanks ? THANKS_MS : RATING_IDLE_MS);
    return () => clearTimeout(timer);
  }, [open, thanks, touchedAt, withdraw]);

  async function submit() {
    if (!open || !level || busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('ratings.submit', {
        id: open.id,
        level,
        criteria: Object.entries(criteria).map(([no, l]) => ({ no: Number(no), level: l })),
        comment,
      });
      done.current.add(open.id);
      setOpen(null);
      setThanks(true);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  if (thanks)
    return (
      <div className="device-rating device-rating-idle" data-testid="rating-thanks">
        <h1>{t.thanks}</h1>
      </div>
    );
  if (!open)
    return (
      <div className="device-rating device-rating-idle" data-testid="rating-idle">
        <h1>{counterNo ? t.idleCounter(counterNo) : t.idle}</h1>
        <p>{t.idleHint}</p>
        {error && <Alert type="error" showIcon title={error} />}
      </div>
    );
  return (
    <div className="device-rating" data-testid="rating-open" onPointerDown={() => setTouchedAt((n) => n + 1)} onKeyDown={() => setTouchedAt((n) => n + 1)}>
      <h1>{open.event === 'received' ? t.askReceived : t.askReturned}</h1>
      <p className="device-rating-dossier" data-testid="rating-dossier">
        {t.dossier(open.dossierCode, open.procedureName)}
      </p>
      <div className="device-rating-levels" role="radiogroup" aria-label={t.overall}>
        {SATISFACTION_LEVELS.map((l) => (
          <Button
            key={l}
            role="radio"
            aria-checked={level === l}
            data-testid={`rating-level-${l}`}
            type={level === l ? 'primary' : 'default'}
            className={`device-rating-level device-rating-level-${l}`}
            onClick={() => setLevel(l)}
          >
            {SATISFACTION_LEVEL_NAMES[l]}
          </Button>
        ))}
      </div>
      <details className="device-rating-criteria">
        <summary>{t.criteriaTitle}</summary>
        {EVALUATION_SHEET.criteria.map((c) => (
          <div key={c.no} className="device-rating-criterion">
            <span>
              {c.no}. {c.text}
            </span>
            <Radio.Group
              size="large"
              optionType="button"
              buttonStyle="solid"
              value={criteria[c.no]}
              onChange={(e) => setCriteria((m) => ({ ...m, [c.no]: e.target.value as SatisfactionLevel }))}
              options={SATISFACTION_LEVELS.map((l) => ({ value: l, label: SATISFACTION_LEVEL_NAMES[l] }))}
            />
          </div>
        ))}
      </details>
      <Input.TextArea
        data-testid="rating-comment"
        aria-label={t.comment}
        placeholder={t.comment}
        maxLength={RATING_COMMENT_MAX}
        showCount
        autoSize={{ minRows: 2, maxRows: 4 }}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        style={{ fontSize: 22 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      <div className="device-rating-actions">
        <Button size="large" onClick={withdraw}>
          {t.skip}
        </Button>
        <Button size="large" type="primary" data-testid="rating-submit" disabled={!level || busy} loading={busy} onClick={() => void submit()}>
          {level ? t.submit : t.chooseLevel}
        </Button>
      </div>
    </div>
  );
}
