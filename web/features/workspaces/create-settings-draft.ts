import { createEffect, createMemo, createSignal, on, untrack } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import { createSubmission } from "../../lib/create-submission";
import type { FieldErrors } from "../../lib/field-errors";
import {
  type Conflict,
  conflictOf,
  freshEtag,
  saveWorkspace,
  takeTheirs,
  type WorkspaceChanges,
  type WorkspaceDetail,
  workspaces,
} from "./workspaces-store";

export type SettingsDraft<T extends object> = ReturnType<typeof createSettingsDraft<T>>;

/**
 * One settings card's edits of the open workspace. The card edits a copy (`draft`) of the
 * version it started from (`base`, with that version's ETag), and saves only what the
 * person changed, with If-Match:
 * - a new version nobody has edited here yet (a rename in another tab) simply replaces the copy;
 * - one this tab saved from another card keeps these edits and takes its ETag, and so does
 *   the ETag fetched for the version these edits started from (its data came live, without one);
 * - one someone else saved while these edits were open is found out on save (412): the card
 *   then shows `conflict`, to keep these edits over theirs or take theirs.
 */
export function createSettingsDraft<T extends object>(options: {
  read: (workspace: WorkspaceDetail) => T;
  /** What to send for the edits, null when there are none. */
  toChanges: (draft: T, base: T) => WorkspaceChanges | null;
  /** Problems to show before calling the API. */
  validate?: (draft: T, base: T) => FieldErrors;
  /** The API's field paths this card shows next to its inputs. */
  fields: readonly string[];
}) {
  const open = () => workspaces.current.workspace as WorkspaceDetail;
  const [base, setBase] = createSignal({
    values: options.read(open()),
    etag: workspaces.current.etag,
    version: workspaces.current.version,
  });
  const [draft, setDraft] = createStore<T>(structuredClone(base().values));
  const [conflict, setConflict] = createSignal<Conflict | null>(null);
  const [saved, setSaved] = createSignal(false);
  const form = createSubmission(options.fields);

  const dirty = createMemo(() => JSON.stringify(draft) !== JSON.stringify(base().values));

  const restart = (values: T, etag: string | null) => {
    setBase({ values, etag, version: workspaces.current.version });
    setDraft(reconcile(structuredClone(values)));
  };

  createEffect(
    on(
      () => workspaces.current.version,
      () => {
        const workspace = workspaces.current.workspace;
        if (!workspace) return;
        const { etag, version, mine, etagOf } = workspaces.current;
        const values = options.read(workspace);
        if (!untrack(dirty)) restart(values, etag);
        else if (mine) setBase({ values, etag, version });
        // The ETag of the very version these edits started from, fetched after its data came live.
        else if (etagOf !== null && etagOf === untrack(base).version) setBase((b) => ({ ...b, etag, version }));
      },
      { defer: true },
    ),
  );

  /** Which of this card's fields the other version changed, for the conflict notice. */
  const theirChanges = (): string[] => {
    const c = conflict();
    if (!c) return [];
    const theirs = options.read(c.current) as Record<string, unknown>;
    const mine = base().values as Record<string, unknown>;
    return Object.keys(theirs).filter((key) => JSON.stringify(theirs[key]) !== JSON.stringify(mine[key]));
  };

  /** Saves the edits against `etag`, or against the base's own (brought up to date first). */
  const save = (etag?: string) => {
    const values = structuredClone(unwrap(draft)) as T;
    const problems = options.validate?.(values, base().values) ?? {};
    if (Object.keys(problems).length > 0) return form.reject(problems);
    setSaved(false);
    void form.run(async () => {
      const changes = options.toChanges(values, base().values);
      if (!changes) {
        setSaved(true);
        return;
      }
      if (etag === undefined) await freshEtag();
      try {
        await saveWorkspace(changes, etag ?? base().etag);
        setConflict(null);
        setSaved(true);
      } catch (failure) {
        const found = conflictOf(failure);
        if (!found) throw failure;
        setConflict(found);
      }
    });
  };

  return {
    draft,
    setDraft,
    base,
    dirty,
    form,
    saved,
    conflict,
    theirChanges,
    /** Marks the card as edited since it was saved. */
    touched: () => setSaved(false),
    save: () => save(),
    /** Saves these edits over the other version (with its ETag). */
    keepMine: () => {
      const c = conflict();
      if (c) save(c.etag);
    },
    /** Drops these edits for the other version. */
    takeTheirs: () => {
      const c = conflict();
      if (!c) return;
      takeTheirs(c);
      restart(options.read(c.current), c.etag);
      setConflict(null);
      form.clear();
    },
    /** Puts the card back to what is saved. */
    discard: () => {
      restart(options.read(open()), workspaces.current.etag);
      setConflict(null);
      form.clear();
    },
  };
}
