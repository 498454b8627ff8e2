// One contact on its own page: loaded with its ETag, edited as a draft of strings (what
// the inputs hold), saved with If-Match. A teammate's change arrives live and is merged
// into the fields this person has not touched; one that touches a field they are editing
// is left for the save to find (412), which then offers "keep mine" or "take theirs".
import { batch, createEffect, createMemo, createSignal, onCleanup, untrack } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import { ApiError } from "../../lib/api-error";
import { createSubmission } from "../../lib/create-submission";
import { live } from "../../lib/live/live";
import { requestApi } from "../../lib/request-api";
import { contactEtag } from "./contact-etag";
import { type ContactForm, changesOf, FORM_FIELDS, type FormField, formOf, validateForm } from "./contact-form";
import type { Contact } from "./contact-types";
import { contactPath } from "./contacts-path";
import { conflictOf } from "./contacts-store";

type Base = { contact: Contact; values: ContactForm; etag: string | null };

export function createContactDraft(workspaceId: () => string, contactId: () => string) {
  const [status, setStatus] = createSignal<"loading" | "ready" | "error" | "deleted">("loading");
  const [loadError, setLoadError] = createSignal<ApiError | null>(null);
  const [base, setBase] = createSignal<Base | null>(null);
  const [draft, setDraft] = createStore<ContactForm>(formOf({ tags: [] } as unknown as Contact));
  const [conflict, setConflict] = createSignal<{ current: Contact; etag: string } | null>(null);
  /** Someone else changed a field this person is editing: told now, settled on save. */
  const [clash, setClash] = createSignal<string[]>([]);
  const [saved, setSaved] = createSignal(false);
  const form = createSubmission(FORM_FIELDS);

  const dirty = createMemo(() => {
    const b = base();
    return b !== null && FORM_FIELDS.some((key) => draft[key] !== b.values[key]);
  });

  const restart = (contact: Contact, etag: string | null) => {
    const values = formOf(contact);
    batch(() => {
      setBase({ contact, values, etag });
      setDraft(reconcile(structuredClone(values)));
      setConflict(null);
      setClash([]);
    });
  };

  /** A newer version from elsewhere: fields not being edited take it; a field being edited keeps mine. */
  const rebase = (contact: Contact, etag: string | null) => {
    const b = base();
    if (!b) return restart(contact, etag);
    const next = formOf(contact);
    const mine = FORM_FIELDS.filter((key) => draft[key] !== b.values[key]);
    const clashing = mine.filter((key) => next[key] !== b.values[key] && next[key] !== draft[key]);
    if (clashing.length > 0) {
      // Keep the old base and its ETag: the save meets a 412 and the person chooses.
      setClash(clashing);
      return;
    }
    batch(() => {
      setBase({ contact, values: next, etag });
      for (const key of FORM_FIELDS) if (!mine.includes(key)) setDraft(key, next[key]);
    });
  };

  const load = async () => {
    setStatus("loading");
    try {
      const { body, response } = await requestApi<Contact>("GET", contactPath(workspaceId(), contactId()));
      restart(body, response.headers.get("ETag") ?? (await contactEtag(body)));
      setStatus("ready");
    } catch (failure) {
      const error = ApiError.from(failure);
      setLoadError(error);
      setStatus("error");
    }
  };

  const save = (etag?: string) => {
    const b = base();
    if (!b) return;
    const values = structuredClone(unwrap(draft)) as ContactForm;
    const problems = validateForm(values);
    if (Object.keys(problems).length > 0) return form.reject(problems);
    setSaved(false);
    void form.run(async () => {
      const changes = changesOf(values, b.values);
      if (Object.keys(changes).length === 0) {
        setSaved(true);
        return;
      }
      const ifMatch = etag ?? b.etag;
      try {
        const { body, response } = await requestApi<Contact>("PATCH", contactPath(workspaceId(), contactId()), {
          json: changes,
          headers: ifMatch ? { "If-Match": ifMatch } : {},
        });
        restart(body, response.headers.get("ETag") ?? (await contactEtag(body)));
        setSaved(true);
      } catch (failure) {
        const found = conflictOf(failure);
        if (!found) throw failure;
        // Nothing this form shows changed (their notes saved the row, say): save again on their version.
        if (etag === undefined && JSON.stringify(formOf(found.current)) === JSON.stringify(b.values)) {
          setBase({ ...b, contact: found.current, etag: found.etag });
          const { body, response } = await requestApi<Contact>("PATCH", contactPath(workspaceId(), contactId()), {
            json: changes,
            headers: { "If-Match": found.etag },
          });
          restart(body, response.headers.get("ETag") ?? (await contactEtag(body)));
          setSaved(true);
          return;
        }
        setConflict(found);
      }
    });
  };

  const markContacted = async (nextFollowUp: string | null) => {
    const { body, response } = await requestApi<Contact>(
      "POST",
      contactPath(workspaceId(), contactId(), "/contacted"),
      { json: nextFollowUp ? { next_follow_up: nextFollowUp } : {} },
    );
    rebase(body, response.headers.get("ETag") ?? (await contactEtag(body)));
  };

  const remove = async () => {
    await requestApi<null>("DELETE", contactPath(workspaceId(), contactId()));
    setStatus("deleted");
  };

  /** A version from elsewhere, with its ETag: taken whole when nothing is being edited, merged when something is. */
  const applyRemote = (data: Contact, etag: string | null) => {
    const b = base();
    // The echo of my own save, or nothing a form shows (notes are their own document): only the ETag moves on.
    if (b && JSON.stringify(formOf(data)) === JSON.stringify(b.values)) {
      setBase({ ...b, contact: data, etag });
      return;
    }
    if (dirty()) rebase(data, etag);
    else restart(data, etag);
  };

  /** Fetches the contact after a change announced without its data (the notes document saved the row). */
  const refetch = async () => {
    try {
      const { body, response } = await requestApi<Contact>("GET", contactPath(workspaceId(), contactId()));
      applyRemote(body, response.headers.get("ETag") ?? (await contactEtag(body)));
    } catch (failure) {
      if (ApiError.from(failure).status === 404) setStatus("deleted");
    }
  };

  const off = live.on("crm_contact", (change, id) => {
    if (id !== workspaceId() || change.entity_id !== contactId() || status() !== "ready") return;
    if (change.op === "delete") {
      setStatus("deleted");
      return;
    }
    const data = change.data as Contact | undefined;
    if (!data || typeof data.id !== "string") void refetch();
    else void contactEtag(data).then((etag) => applyRemote(data, etag));
  });
  // The feed may open after the contact was read: whatever changed in between is read once more.
  let feedOpened = live.status() === "open";
  createEffect(() => {
    if (live.status() !== "open" || feedOpened) return;
    feedOpened = true;
    if (untrack(status) === "ready") void refetch();
  });
  const offResync = live.onResync((id) => {
    if (id === workspaceId()) void refetch();
  });
  onCleanup(() => {
    off();
    offResync();
  });

  return {
    status,
    loadError,
    base,
    draft,
    setDraft: (key: FormField, value: string) => {
      setDraft(key, value);
      setSaved(false);
    },
    dirty,
    form,
    saved,
    conflict,
    clash,
    load,
    save: () => save(),
    keepMine: () => {
      const c = conflict();
      if (c) save(c.etag);
    },
    takeTheirs: () => {
      const c = conflict();
      if (c) restart(c.current, c.etag);
      form.clear();
    },
    discard: () => {
      const b = base();
      if (b) restart(b.contact, b.etag);
      form.clear();
    },
    markContacted,
    remove,
  };
}
