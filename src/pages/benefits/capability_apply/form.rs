//! The B2 application form: what the person types stays in the draft whatever happens; the
//! rules are `partner_api::programmes::form` (checked on submit, every failing field marked
//! with its reason); one submission at a time.

use crate::api::use_api;
use crate::components::programme_labels::RefusalOrError;
use crate::i18n::{tr, use_i18n, Locale, Msg, PgOutOfRange, PgTooLong, PgTooShort};
use crate::routes::BENEFITS_CAPABILITY;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use partner_api::codes;
use partner_api::programmes::capability::CapabilityBenefit;
use partner_api::programmes::form::{check_draft, ApplicationDraft, Field, FieldProblem, Problem, MAX_DESCRIPTION};
use partner_api::{ApiError, ErrorKind};

pub fn problem_text(p: Problem, l: Locale) -> String {
    let msg = match p {
        Problem::Required => Msg::FieldRequired,
        Problem::TooLong(max) => return PgTooLong { max: &max }.text(l),
        Problem::TooShort(min) => return PgTooShort { min: &min }.text(l),
        Problem::OutOfRange(max) => return PgOutOfRange { max: &max }.text(l),
        Problem::NotAWholeNumber => Msg::PgProblemNotWhole,
        Problem::NotAnAmount => Msg::PgProblemNotAmount,
        Problem::NotPositive => Msg::PgProblemNotPositive,
        Problem::TooManyDecimals => Msg::PgProblemDecimals,
        Problem::AboveMax => Msg::PgProblemAboveMax,
        Problem::BadPhone => Msg::PgProblemPhone,
        Problem::BadEmail => Msg::PgProblemEmail,
    };
    msg.text(l).to_string()
}

/// Where the submission stands.
#[derive(Debug, Clone, PartialEq)]
enum Sending {
    Idle,
    Busy,
    /// Refused or failed; the draft is kept.
    Failed(ApiError),
    /// The answer was lost: the benefit was read again before anything else is sent.
    Unsure,
}

#[component]
pub fn ApplicationForm(
    benefit: CapabilityBenefit,
    /// Reads the benefit again (after a lost answer or a refusal that depends on its state).
    on_reread: Callback<()>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let draft = RwSignal::new(ApplicationDraft::default());
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let sending = RwSignal::new(Sending::Idle);
    let benefit = StoredValue::new(benefit);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() == Sending::Busy {
            return;
        }
        let (id, max) = benefit.with_value(|b| (b.benefit_id.clone(), b.max_amount));
        let request = match check_draft(&draft.get_untracked(), &id, max) {
            Ok(r) => r,
            Err(found) => {
                problems.set(found);
                return;
            }
        };
        problems.set(Vec::new());
        sending.set(Sending::Busy);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api.call(&request).await {
                Ok(created) => {
                    let to = format!("{BENEFITS_CAPABILITY}?tab=applications&submitted={}", created.application_id);
                    navigate(&to, Default::default());
                }
                Err(e) => {
                    let field = e.parameter().and_then(Field::from_wire);
                    if let Some(f) = field {
                        // The server's rule named a field the browser let through: mark it.
                        problems.try_set(vec![(f, server_problem(f))]);
                    }
                    let lost = matches!(e.kind(), ErrorKind::Network | ErrorKind::Timeout | ErrorKind::Server);
                    let stale = e.code == codes::APPLICATION_IN_REVIEW || e.code == codes::BENEFIT_ALREADY_APPROVED;
                    if lost || stale {
                        on_reread.run(());
                    }
                    sending.try_set(if lost { Sending::Unsure } else { Sending::Failed(e) });
                }
            }
        });
    };

    let field = move |f: Field, label: Msg, input: AnyView| {
        let message =
            move || problems.with(|p| p.iter().find(|(x, _)| *x == f).map(|(_, p)| problem_text(*p, i18n.get())));
        view! {
            <label class="field" class:field-invalid=move || message().is_some() data-testid=format!("field-{}", f.wire_name())>
                <span class="field-label">{tr(label)}<span class="required" aria-hidden="true">"*"</span></span>
                {input}
                {move || message().map(|m| view! { <span class="field-error" role="alert" data-testid=format!("error-{}", f.wire_name())>{m}</span> })}
            </label>
        }
    };
    let text_input = move |f: Field,
                           get: fn(&ApplicationDraft) -> String,
                           set: fn(&mut ApplicationDraft, String),
                           mode: &'static str| {
        let invalid = move || problems.with(|p| p.iter().any(|(x, _)| *x == f));
        view! {
            <input type="text" inputmode=mode data-testid=format!("input-{}", f.wire_name()) aria-invalid=move || invalid().to_string()
                prop:value=move || draft.with(get) on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev))) />
        }
        .into_any()
    };
    let invalid_description = move || problems.with(|p| p.iter().any(|(x, _)| *x == Field::Description));
    let description = view! {
        <textarea rows="4" maxlength=(MAX_DESCRIPTION + 50).to_string() data-testid="input-description" aria-invalid=move || invalid_description().to_string()
            prop:value=move || draft.with(|d| d.description.clone())
            on:input=move |ev| draft.update(|d| d.description = event_target_value(&ev))></textarea>
        <span class="field-hint">{tr(Msg::PgFormDescriptionHint)}</span>
    }
    .into_any();

    view! {
        <form class="card form application-form" data-testid="application-form" on:submit=submit novalidate>
            {move || (!problems.with(Vec::is_empty)).then(|| view! {
                <div class="notice notice-error" role="alert" data-testid="form-problems">{tr(Msg::PgFormFixErrors)}</div>
            })}
            {move || match sending.get() {
                Sending::Failed(error) => Some(view! { <RefusalOrError error /> }.into_any()),
                Sending::Unsure => Some(view! { <div class="notice notice-info" role="status" data-testid="submit-unsure">{tr(Msg::PgFormUnsure)}</div> }.into_any()),
                _ => None,
            }}
            {field(Field::Amount, Msg::PgFormAmount, text_input(Field::Amount, |d| d.amount.clone(), |d, v| d.amount = v, "decimal"))}
            {field(Field::Engineers, Msg::PgColEngineers, text_input(Field::Engineers, |d| d.engineers.clone(), |d, v| d.engineers = v, "numeric"))}
            {field(Field::ContactName, Msg::PgFormContactName, text_input(Field::ContactName, |d| d.contact_name.clone(), |d, v| d.contact_name = v, "text"))}
            {field(Field::ContactPhone, Msg::PgFormContactPhone, text_input(Field::ContactPhone, |d| d.contact_phone.clone(), |d, v| d.contact_phone = v, "tel"))}
            {field(Field::ContactEmail, Msg::PgFormContactEmail, text_input(Field::ContactEmail, |d| d.contact_email.clone(), |d, v| d.contact_email = v, "email"))}
            {field(Field::Description, Msg::PgFormDescription, description)}
            <div class="form-actions">
                <button class="button primary" type="submit" data-testid="application-submit" disabled=move || sending.get() == Sending::Busy>
                    {move || if sending.get() == Sending::Busy { tr(Msg::AeSending)() } else { tr(Msg::PgFormSubmit)() }}
                </button>
                <a class="button" href=crate::routes::href(BENEFITS_CAPABILITY) data-testid="application-cancel">{tr(Msg::Cancel)}</a>
            </div>
        </form>
    }
}

/// The closest local reason for a field the server refused.
fn server_problem(f: Field) -> Problem {
    match f {
        Field::Amount => Problem::AboveMax,
        Field::Engineers => Problem::OutOfRange(partner_api::programmes::form::MAX_ENGINEERS),
        Field::ContactPhone => Problem::BadPhone,
        Field::ContactEmail => Problem::BadEmail,
        Field::ContactName | Field::Description => Problem::Required,
    }
}
