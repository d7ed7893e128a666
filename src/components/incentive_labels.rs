//! Labels of the incentive states and the incentive codes' explanations, shared by the
//! incentive list, its detail and the quarterly payment page.

use crate::i18n::{Locale, Msg};
use leptos::prelude::*;
use partner_api::codes;
use partner_api::incentives::model::{bill_status, status};
use partner_api::incentives::payment::{payment_status, PaymentRefusal};

pub fn status_msg(s: &str) -> Msg {
    match s {
        status::DRAFT => Msg::InStDraft,
        status::IN_REVIEW => Msg::InStReview,
        status::PASSED => Msg::InStPassed,
        status::REJECTED => Msg::InStRejected,
        _ => Msg::InStFinal,
    }
}

pub fn bill_msg(s: &str) -> Msg {
    match s {
        bill_status::PENDING => Msg::InBillPending,
        bill_status::CONFIRMED => Msg::InBillConfirmed,
        bill_status::REJECTED => Msg::InBillRejected,
        _ => Msg::InBillNone,
    }
}

pub fn payment_msg(s: &str) -> Msg {
    match s {
        payment_status::APPLIED => Msg::InPayApplied,
        payment_status::PAID => Msg::InPayPaid,
        _ => Msg::InNoIncentive,
    }
}

/// The tag class of a status (colour is never the only sign: the text says it).
fn tone(s: &str) -> &'static str {
    match s {
        status::FINAL | bill_status::CONFIRMED | payment_status::PAID => "tag tag-won",
        status::REJECTED => "tag tag-lost",
        status::IN_REVIEW | status::PASSED | bill_status::PENDING | payment_status::APPLIED => "tag tag-medium",
        _ => "tag",
    }
}

/// A status as a tag: `data-status` carries the wire value for tests.
pub fn tag(value: &str, label: Msg, l: Locale) -> AnyView {
    view! { <span class=tone(value) data-status=value.to_string()>{label.text(l)}</span> }.into_any()
}

pub fn refusal_msg(r: PaymentRefusal) -> Msg {
    match r {
        PaymentRefusal::AlreadyApplied => Msg::InWhyApplied,
        PaymentRefusal::MonthsStillOpen => Msg::InWhyMonthsOpen,
        PaymentRefusal::InReview => Msg::InWhyInReview,
        PaymentRefusal::NonePassed => Msg::InWhyNonePassed,
        PaymentRefusal::BillsUnconfirmed => Msg::InWhyBills,
    }
}

/// What an incentive code means, in the person's language.
pub fn code_msg(code: &str) -> Option<Msg> {
    if let Some(r) = PaymentRefusal::from_code(code) {
        return Some(refusal_msg(r));
    }
    Some(match code {
        codes::INCENTIVE_MISSING => Msg::InIncentiveMissing,
        codes::BILL_ALREADY_CONFIRMED => Msg::InBillAlreadyConfirmed,
        codes::BILL_NOT_CONFIRMABLE => Msg::InBillNotWaiting,
        codes::FEEDBACK_NOT_ALLOWED => Msg::InFeedbackDraft,
        codes::QUARTER_MISSING => Msg::InQuarterMissing,
        _ => return None,
    })
}

/// A failed incentive call: an incentive code explained with its code and request id;
/// anything else the shared way (X3).
#[component]
pub fn IncentiveError(error: partner_api::ApiError, #[prop(optional)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    match code_msg(&error.code) {
        Some(msg) => view! {
            <div class="notice notice-error" role="alert" data-testid="incentive-refusal" data-code=error.code.clone()>
                <div class="notice-title">{move || Msg::InServerRefused.text(i18n.get())}</div>
                <div class="notice-body" data-testid="incentive-refusal-text">{move || msg.text(i18n.get())}</div>
                <dl class="notice-meta">
                    <dt>{move || Msg::ErrorCode.text(i18n.get())}</dt>
                    <dd data-testid="error-code">{error.code.clone()}</dd>
                    {error.request_id.clone().map(|id| view! {
                        <dt>{move || Msg::RequestId.text(i18n.get())}</dt>
                        <dd data-testid="error-request-id">{id}</dd>
                    })}
                </dl>
            </div>
        }
        .into_any(),
        None => match on_retry {
            Some(cb) => view! { <crate::components::error_notice::ErrorNotice error on_retry=cb /> }.into_any(),
            None => view! { <crate::components::error_notice::ErrorNotice error /> }.into_any(),
        },
    }
}
