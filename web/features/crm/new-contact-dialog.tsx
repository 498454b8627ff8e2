import { createSignal } from "solid-js";
import { createSubmission } from "../../lib/create-submission";
import { requestApi } from "../../lib/request-api";
import { Dialog } from "../../ui/dialog";
import { describedBy, Field } from "../../ui/field";
import { Notice } from "../../ui/notice";
import type { Contact } from "./contact-types";
import { contactsPath } from "./contacts-path";

const FIELDS = ["first_name", "last_name", "email", "company"] as const;

/** Adds one contact by hand: the names, and optionally an email and a company; the rest on its page. */
export function NewContactDialog(props: {
  open: boolean;
  workspaceId: string;
  onClose: () => void;
  onCreated: (contact: Contact) => void;
}) {
  const [values, setValues] = createSignal<Record<(typeof FIELDS)[number], string>>({
    first_name: "",
    last_name: "",
    email: "",
    company: "",
  });
  const form = createSubmission(FIELDS);
  const set = (key: (typeof FIELDS)[number], value: string) => setValues({ ...values(), [key]: value });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const v = values();
    const problems: Record<string, string> = {};
    if (!v.first_name.trim()) problems.first_name = "Enter a first name.";
    if (Object.keys(problems).length > 0) return form.reject(problems);
    void form.run(async () => {
      const { body } = await requestApi<Contact>("POST", contactsPath(props.workspaceId), {
        json: {
          first_name: v.first_name,
          last_name: v.last_name,
          email: v.email.trim() || null,
          company: v.company.trim() || null,
        },
      });
      setValues({ first_name: "", last_name: "", email: "", company: "" });
      props.onCreated(body);
    });
  };

  const input = (key: (typeof FIELDS)[number], label: string, type = "text") => (
    <Field id={`new-${key}`} label={label} error={form.fieldError(key)}>
      <input
        id={`new-${key}`}
        class="input"
        type={type}
        value={values()[key]}
        aria-invalid={Boolean(form.fieldError(key))}
        aria-describedby={describedBy(`new-${key}`)}
        onInput={(event) => set(key, event.currentTarget.value)}
      />
    </Field>
  );

  return (
    <Dialog
      open={props.open}
      title="Add a contact"
      onClose={() => {
        form.clear();
        props.onClose();
      }}
      testId="new-contact-dialog"
    >
      <form class="form dialog__body" onSubmit={submit} novalidate>
        {form.formError() && <Notice tone="error">{form.formError()}</Notice>}
        <div class="form--grid">
          {input("first_name", "First name")}
          {input("last_name", "Last name")}
        </div>
        {input("email", "Email", "email")}
        {input("company", "Company")}
        <div class="dialog__actions">
          <button type="button" class="button" onClick={() => props.onClose()}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" disabled={form.pending()}>
            {form.pending() ? "Adding…" : "Add contact"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
