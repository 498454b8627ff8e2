import { createEffect, createMemo, createSignal, For, type JSX, onCleanup, Show } from "solid-js";
import * as Y from "yjs";
import { connectDoc, type DocUser, LOCAL } from "../lib/live/doc-connection";
import { live } from "../lib/live/live";
import { shiftIndex, textChange } from "../lib/live/text-change";
import { Avatar } from "./avatar";
import { describedBy, Field } from "./field";
import { namesOf } from "./presence-badge";

/** Cursor colours, readable on white and on dark, one per person (by their id). */
const COLORS = ["#e11d48", "#2563eb", "#059669", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d"];

export function colorFor(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? "#4f46e5";
}

type Peer = { clientId: number; user: DocUser; anchor: number | null; head: number | null };
type Piece = { text: string; marks: string[] } | { caret: DocUser };

const isUser = (value: unknown): value is DocUser =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as DocUser).name === "string" &&
  typeof (value as DocUser).color === "string" &&
  typeof (value as DocUser).id === "string";

/**
 * A text field several people edit at once (Yjs over the room's document socket; the
 * field is `{table}:{rowId}:{column}`). Local typing goes in as Y.Text edits; others'
 * edits land without moving the caret; their cursors and selections show in their colour
 * with their name. Read-only when the caller says so (no write permission) or the room
 * ends the document (deleted, access revoked). The caller keys it on the document: a
 * different `docName` needs a new component.
 */
export function CollaborativeText(props: {
  id: string;
  label: string;
  workspaceId: string;
  docName: string;
  me: { id: string; name: string };
  readOnly?: boolean;
  placeholder?: string;
  rows?: number;
  hint?: JSX.Element;
  /** Reported to the workspace's presence as the field being edited while focused. */
  presenceField?: string;
  /**
   * The field's limit in characters (the same constant its API checks): a live count is
   * shown and typing or pasting past it is refused. A text already over it may be shortened.
   */
  maxLength?: number;
  /** The text as this tab has it, after every local or remote edit (a live preview follows it). */
  onText?: (text: string) => void;
  onSessionEnded?: () => void;
}) {
  const me: DocUser = { id: props.me.id, name: props.me.name, color: colorFor(props.me.id) };
  const connection = connectDoc(props.workspaceId, props.docName, me, {
    onSessionEnded: () => props.onSessionEnded?.(),
  });
  onCleanup(() => connection.destroy());

  let textarea: HTMLTextAreaElement | undefined;
  let mirror: HTMLDivElement | undefined;
  const [value, setValue] = createSignal("");
  const [peers, setPeers] = createSignal<Peer[]>([]);
  let composing = false;
  let remoteWhileComposing = false;

  // Not before the room has answered: until then the text is empty, not the field's.
  createEffect(() => {
    const text = value();
    if (connection.status() !== "connecting") props.onText?.(text);
  });

  const readOnly = () => Boolean(props.readOnly) || connection.readOnly() || connection.status() === "connecting";

  /** The textarea grows with its text: no inner scrollbar, so the cursor overlay wraps exactly like it. */
  const autosize = () => {
    if (!textarea) return;
    textarea.style.height = "auto";
    textarea.style.height = `${textarea.scrollHeight + 2}px`;
  };

  /** Shows the document's text, moving this person's selection the way `move` says. */
  const show = (text: string, move: (index: number) => number) => {
    if (!textarea) return;
    const focused = document.activeElement === textarea;
    const { selectionStart, selectionEnd, selectionDirection } = textarea;
    textarea.value = text;
    setValue(text);
    if (focused) textarea.setSelectionRange(move(selectionStart), move(selectionEnd), selectionDirection ?? "none");
    autosize();
  };

  // Local typing → Y.Text, as one delete and one insert where the textarea changed.
  const onInput = () => {
    if (!textarea) return;
    const ytext = connection.text();
    const before = ytext.toString();
    const after = textarea.value;
    // The maxlength attribute stops typing and trims a paste; this also holds for what it lets through (input methods).
    const max = props.maxLength;
    if (readOnly() || (max !== undefined && after.length > max && after.length > before.length)) {
      show(before, (i) => Math.min(i, before.length));
      return;
    }
    const change = textChange(
      before,
      after,
      textarea.selectionStart === textarea.selectionEnd ? textarea.selectionEnd : null,
    );
    if (change) {
      connection.doc().transact(() => {
        if (change.remove > 0) ytext.delete(change.index, change.remove);
        if (change.insert) ytext.insert(change.index, change.insert);
      }, LOCAL);
    }
    setValue(after);
    autosize();
    reportCursor();
  };

  // Remote edits → the textarea, the caret shifted by what was inserted or deleted before it.
  createEffect(() => {
    const ytext = connection.text();
    show(ytext.toString(), (i) => Math.min(i, ytext.length));
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL) return;
      if (composing) {
        // Rewriting the textarea mid-composition breaks the input method: catch up when it ends.
        remoteWhileComposing = true;
        return;
      }
      const delta = event.delta as { retain?: number; insert?: unknown; delete?: number }[];
      show(ytext.toString(), (i) => shiftIndex(i, delta));
    };
    ytext.observe(observer);
    onCleanup(() => ytext.unobserve(observer));
  });

  const onCompositionEnd = () => {
    composing = false;
    if (!remoteWhileComposing || !textarea) return;
    remoteWhileComposing = false;
    const next = connection.text().toString();
    const change = textChange(textarea.value, next);
    const delta = change ? [{ retain: change.index }, { delete: change.remove }, { insert: change.insert }] : [];
    show(next, (i) => shiftIndex(i, delta));
  };

  // This person's cursor → awareness, as positions relative to the text so they survive others' edits.
  let cursorFrame = 0;
  const reportCursor = () => {
    cancelAnimationFrame(cursorFrame);
    cursorFrame = requestAnimationFrame(() => {
      if (!textarea || document.activeElement !== textarea) return;
      const ytext = connection.text();
      const at = (index: number) => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(ytext, index));
      const backwards = textarea.selectionDirection === "backward";
      connection.awareness().setLocalStateField("cursor", {
        anchor: at(backwards ? textarea.selectionEnd : textarea.selectionStart),
        head: at(backwards ? textarea.selectionStart : textarea.selectionEnd),
      });
    });
  };
  onCleanup(() => cancelAnimationFrame(cursorFrame));

  // Others' awareness → who is here and where their cursors are.
  createEffect(() => {
    const awareness = connection.awareness();
    const doc = connection.doc();
    const read = () => {
      const list: Peer[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === doc.clientID || !isUser(state.user)) continue;
        const cursor = state.cursor as { anchor?: unknown; head?: unknown } | null | undefined;
        const resolve = (json: unknown) => {
          if (!json) return null;
          try {
            return (
              Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc)?.index ?? null
            );
          } catch {
            return null;
          }
        };
        list.push({ clientId, user: state.user, anchor: resolve(cursor?.anchor), head: resolve(cursor?.head) });
      }
      setPeers(list);
    };
    read();
    awareness.on("change", read);
    // Positions are relative to the text: a remote edit moves them even when nobody moved a cursor.
    doc.on("afterTransaction", read);
    onCleanup(() => {
      awareness.off("change", read);
      doc.off("afterTransaction", read);
    });
  });

  /** The text cut where others' cursors and selections are, for the overlay that draws them. */
  const pieces = createMemo<Piece[]>(() => {
    const text = value();
    const withCursor = peers().filter((p) => p.head !== null);
    if (withCursor.length === 0) return [];
    const stops = new Set<number>([0, text.length]);
    for (const p of withCursor) {
      stops.add(Math.min(p.head ?? 0, text.length));
      if (p.anchor !== null) stops.add(Math.min(p.anchor, text.length));
    }
    const sorted = [...stops].sort((a, b) => a - b);
    const out: Piece[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const at = sorted[i] ?? 0;
      for (const p of withCursor) if (Math.min(p.head ?? 0, text.length) === at) out.push({ caret: p.user });
      const next = sorted[i + 1];
      if (next === undefined) break;
      const marks = withCursor
        .filter(
          (p) =>
            p.anchor !== null &&
            p.head !== null &&
            Math.min(p.anchor, p.head) <= at &&
            next <= Math.max(p.anchor, p.head),
        )
        .map((p) => p.user.color);
      out.push({ text: text.slice(at, next), marks });
    }
    return out;
  });

  const others = () => {
    const seen = new Map<string, DocUser>();
    for (const p of peers()) if (p.user.id !== me.id) seen.set(p.user.id, p.user);
    return [...seen.values()];
  };

  const statusText = () => {
    if (connection.ended() === "deleted") return "This item was deleted.";
    if (connection.ended() === "revoked") return "Your access ended; this text is read-only now.";
    if (connection.ended() === "session") return "You were signed out.";
    if (connection.status() === "connecting") return "Connecting…";
    if (connection.status() === "offline") return "Offline — your edits are kept and sent when the connection is back.";
    if (props.readOnly || connection.readOnly()) return "Read-only: you can see edits as they happen.";
    return "Saved as you type.";
  };

  const count = () => {
    const max = props.maxLength;
    if (max === undefined) return null;
    const length = value().length;
    return {
      text: `${length.toLocaleString("en")} / ${max.toLocaleString("en")}`,
      over: length > max ? length - max : 0,
      near: length >= max * 0.9,
    };
  };

  const syncScroll = () => {
    if (mirror && textarea) mirror.scrollTop = textarea.scrollTop;
  };

  return (
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint}
      aside={
        <span class="collab__who" data-testid="collab-peers">
          <Show when={others().length > 0}>
            <span class="collab__faces" aria-hidden="true">
              <For each={others().slice(0, 3)}>
                {(user) => (
                  <span class="collab__face" style={{ "box-shadow": `0 0 0 2px ${user.color}` }}>
                    <Avatar name={user.name} src={null} size={20} />
                  </span>
                )}
              </For>
            </span>
            <span>
              {namesOf(others())} {others().length === 1 ? "is" : "are"} here
            </span>
          </Show>
        </span>
      }
    >
      <div class="collab" data-status={connection.status()} data-testid="collaborative-text">
        <div ref={mirror} class="collab__mirror input" aria-hidden="true">
          <For each={pieces()}>
            {(piece) =>
              "caret" in piece ? (
                <span class="collab__caret" style={{ "--collab-color": piece.caret.color }}>
                  <span class="collab__label">{piece.caret.name}</span>
                </span>
              ) : (
                <span
                  class="collab__text"
                  style={piece.marks[0] ? { background: `color-mix(in srgb, ${piece.marks[0]} 22%, transparent)` } : {}}
                >
                  {piece.text}
                </span>
              )
            }
          </For>
          {"\u200b"}
        </div>
        <textarea
          ref={textarea}
          id={props.id}
          class="input collab__input"
          rows={props.rows ?? 4}
          placeholder={props.placeholder}
          readonly={readOnly()}
          maxlength={props.maxLength}
          spellcheck={true}
          aria-describedby={`${describedBy(props.id)} ${props.id}-status${props.maxLength === undefined ? "" : ` ${props.id}-count`}`}
          onInput={onInput}
          onCompositionStart={() => {
            composing = true;
          }}
          onCompositionEnd={onCompositionEnd}
          onSelect={reportCursor}
          onKeyUp={reportCursor}
          onMouseUp={reportCursor}
          onScroll={syncScroll}
          onFocus={() => {
            reportCursor();
            if (props.presenceField) live.setEditing(props.presenceField);
          }}
          onBlur={() => {
            connection.awareness().setLocalStateField("cursor", null);
            if (props.presenceField) live.setEditing(null);
          }}
        />
      </div>
      <p class="collab__status" id={`${props.id}-status`} data-testid="collab-status">
        <span
          class={`status-dot status-dot--${connection.status() === "synced" ? "ok" : connection.status() === "connecting" ? "wait" : "bad"}`}
          aria-hidden="true"
        />
        {statusText()}
        <Show when={count()}>
          {(c) => (
            <span
              class="collab__count"
              classList={{ "is-near": c().near, "is-over": c().over > 0 }}
              id={`${props.id}-count`}
              data-testid="collab-count"
            >
              {c().text}
            </span>
          )}
        </Show>
      </p>
      <Show when={(count()?.over ?? 0) > 0}>
        <p class="field__error" data-testid="collab-over">
          {count()?.over.toLocaleString("en")} characters over the limit: shorten it before adding more.
        </p>
      </Show>
      <Show when={connection.notice()}>{(notice) => <p class="field__error">{notice()}</p>}</Show>
    </Field>
  );
}
