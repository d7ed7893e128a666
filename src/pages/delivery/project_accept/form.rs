//! The application's fields and its submit: what the person types stays in the draft whatever
//! happens (a refusal, a lost answer, a new sign-in); the rules are
//! `partner_api::projects::form`, checked on submit, every failing field marked with its reason.

use super::controller::Acceptance;
use super::files::Attachments;
use super::state::Flow;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{tr, use_i18n, Locale, Msg, PgTooLong, PgTooShort};
use crate::routes::{href, DELIVERY_PROJECTS};
use leptos::prelude::*;
use partner_api::projects::form::{AcceptanceDraft, Field, Problem, MAX_SUMMARY};

pub fn problem_text(p: Problem, l: Locale) -> String {
    let msg = match p {
        Problem::Required => Msg::FieldRequired,
        Problem::TooLong(max) => return PgTooLong { max: &max }.text(l),
        Problem::TooShort(min) => return PgTooShort { min: &min }.text(l),
        Problem::NotADate => Msg::PjProblemNotDate,
        Problem::BeforeRegistration => Msg::PjProblemBeforeRegistration,
        Problem::InTheFuture => Msg::PjProblemFuture,
        Problem::NotAnAmount => Msg::PgProblemNotAmount,
        Problem::NotPositive => Msg::PgProblemNotPositive,
        Problem::TooManyDecimals => Msg::PgProblemDecimals,
        Problem::AboveContract => Msg::PjProblemAboveContract,
        Problem::BadPhone => Msg::PgProblemPhone,
        Problem::AttachmentCount => Msg::PjProblemAttachmentCount,
        Problem::AttachmentsPending => Msg::PjProblemAttachmentsPending,
    };
    msg.text(l).to_string()
}

type Getter = fn(&AcceptanceDraft) -> String;
type Setter = fn(&mut AcceptanceDraft, String);

#[component]
pub fn AcceptanceForm(ctl: Acceptance) -> impl IntoView {
    let i18n = use_i18n();
    let message = move |f: Field| {
        move || ctl.problems.with(|p| p.iter().find(|(x, _)| *x == f).map(|(_, p)| problem_text(*p, i18n.get())))
    };
    let field = move |f: Field, label: Msg, input: AnyView| {
        let msg = message(f);
        view! {
            <label class="field" class:field-invalid=move || msg().is_some() data-testid=format!("field-{}", f.wire_name())>
                <span class="field-label">{tr(label)}<span class="required" aria-hidden="true">"*"</span></span>
                {input}
                {move || msg().map(|m| view! { <span class="field-error" role="alert" data-testid=format!("error-{}", f.wire_name())>{m}</span> })}
            </label>
        }
    };
    let input = move |f: Field, kind: &'static str, mode: &'static str, get: Getter, set: Setter| {
        let invalid = move || ctl.problems.with(|p| p.iter().any(|(x, _)| *x == f));
        view! {
            <input type=kind inputmode=mode data-testid=format!("input-{}", f.wire_name()) aria-invalid=move || invalid().to_string()
                prop:value=move || ctl.draft.with(get) on:input=move |ev| ctl.edit(f, |d| set(d, event_target_value(&ev))) />
        }
        .into_any()
    };
    let summary_invalid = move || ctl.problems.with(|p| p.iter().any(|(x, _)| *x == Field::Summary));
    let summary = view! {
        <textarea rows="4" maxlength=(MAX_SUMMARY + 50).to_string() data-testid="input-summary" aria-invalid=move || summary_invalid().to_string()
            prop:value=move || ctl.draft.with(|d| d.summary.clone())
            on:input=move |ev| ctl.edit(Field::Summary, |d| d.summary = event_target_value(&ev))></textarea>
        <span class="field-hint">{tr(Msg::PjFormSummaryHint)}</span>
    }
    .into_any();
    let busy = move || ctl.flow.with(Flow::busy);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctl.submit();
    };
    let attachments_msg = message(Field::Attachments);
    view! {
        <form class="card form application-form" data-testid="acceptance-form" on:submit=on_submit novalidate>
            {move || (!ctl.problems.with(Vec::is_empty)).then(|| view! {
                <div class="notice notice-error" role="alert" data-testid="form-problems">{tr(Msg::PgFormFixErrors)}</div>
            })}
            {move || match ctl.flow.get() {
                Flow::Failed(error) => Some(view! { <div data-testid="submit-failed"><ErrorNotice error /></div> }.into_any()),
                Flow::Unsure(error) => Some(view! {
                    <div data-testid="submit-unsure">
                        <div class="notice notice-info" role="status">{tr(Msg::PjSubmitUnsure)}</div>
                        <ErrorNotice error />
                    </div>
                }.into_any()),
                _ => None,
            }}
            {field(Field::CompletionDate, Msg::PjFormCompletion, input(Field::CompletionDate, "date", "none", |d| d.completion_date.clone(), |d, v| d.completion_date = v))}
            {field(Field::Amount, Msg::PjFormAmount, input(Field::Amount, "text", "decimal", |d| d.amount.clone(), |d, v| d.amount = v))}
            {field(Field::ContactName, Msg::PgFormContactName, input(Field::ContactName, "text", "text", |d| d.contact_name.clone(), |d, v| d.contact_name = v))}
            {field(Field::ContactPhone, Msg::PgFormContactPhone, input(Field::ContactPhone, "text", "tel", |d| d.contact_phone.clone(), |d, v| d.contact_phone = v))}
            {field(Field::Summary, Msg::PjFormSummary, summary)}
            <div class="field" class:field-invalid=move || attachments_msg().is_some() data-testid="field-attachment_ids">
                <span class="field-label">{tr(Msg::PjFormAttachments)}<span class="required" aria-hidden="true">"*"</span></span>
                <Attachments ctl />
                {move || attachments_msg().map(|m| view! { <span class="field-error" role="alert" data-testid="error-attachment_ids">{m}</span> })}
            </div>
            <div class="form-actions">
                <button class="button primary" type="submit" data-testid="acceptance-submit" disabled=busy>
                    {move || if busy() { tr(Msg::AeSending)() } else { tr(Msg::PjSubmit)() }}
                </button>
                <a class="button" href=href(DELIVERY_PROJECTS) data-testid="acceptance-cancel">{tr(Msg::Cancel)}</a>
            </div>
        </form>
    }
}
