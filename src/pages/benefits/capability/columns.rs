//! The columns of B2's two lists.

use crate::components::programme_labels::{review_status_tag, review_status_text, tag_text};
use crate::components::table::Column;
use crate::i18n::{Locale, Msg};
use leptos::prelude::*;
use partner_api::programmes::capability::{ApplyRefusal, CapabilityApplication, CapabilityBenefit};
use partner_api::programmes::review::status;

/// What the benefit's row says about applying.
pub fn apply_state(b: &CapabilityBenefit) -> (Msg, &'static str) {
    match (b.refusal(), b.latest_application.as_ref().map(|a| a.status.as_str())) {
        (Some(ApplyRefusal::UnderReview), _) => (Msg::PgUnderReview, "under-review"),
        (Some(ApplyRefusal::Approved), _) => (Msg::PgAlreadyApproved, "approved"),
        (None, Some(status::REJECTED)) => (Msg::PgReapply, "reapply"),
        _ => (Msg::InNoIncentive, "open"),
    }
}

fn apply_state_view(b: &CapabilityBenefit, l: Locale) -> AnyView {
    let (msg, key) = apply_state(b);
    view! { <span data-testid="apply-state" data-state=key>{msg.text(l)}</span> }.into_any()
}

type B = Column<CapabilityBenefit>;

pub fn benefit_columns() -> Vec<B> {
    vec![
        B::text("tag", Msg::PgColTag, |r, l| tag_text(&r.tag_code, l))
            .view(|r, l| {
                view! { <span data-testid="benefit-tag" data-tag=r.tag_code.clone()>{tag_text(&r.tag_code, l)}</span> }
                    .into_any()
            })
            .width(180),
        B::date_time("certified", Msg::PgColCertifiedOn, |r| Some(r.certified_on)).width(160),
        B::money("max", Msg::PgColMaxAmount, |r| Some((r.max_amount, r.currency.as_str()))).width(150),
        B::text("state", Msg::PgColApplyState, |r, l| apply_state(r).0.text(l).to_string())
            .view(apply_state_view)
            .width(220),
    ]
}

type A = Column<CapabilityApplication>;

pub fn application_columns() -> Vec<A> {
    vec![
        A::text("id", Msg::PgColApplicationId, |r, _| r.application_id.clone()).copyable().width(150),
        A::text("tag", Msg::PgColTag, |r, l| tag_text(&r.tag_code, l)).width(150),
        A::money("amount", Msg::InColAmount, |r| Some((r.amount, r.currency.as_str()))).width(150),
        A::number("engineers", Msg::PgColEngineers, |r| Some(r.certified_engineers as f64)).width(130),
        A::text("status", Msg::PgColStatus, |r, l| review_status_text(&r.status, l))
            .view(|r, l| review_status_tag(&r.status, l))
            .width(110),
        A::text("reason", Msg::PgColRejectReason, |r, _| r.reject_reason.clone().unwrap_or_default()).width(280),
        A::date_time("submitted", Msg::PgColSubmitted, |r| Some(r.submitted_time)).width(160),
        A::text("contact", Msg::PgFormContactName, |r, _| r.contact_name.clone()).width(110),
    ]
}
