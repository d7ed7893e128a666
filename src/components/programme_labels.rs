//! Labels shared by the programme pages (B1, B2): review states and capability tags.

use crate::i18n::{Locale, Msg};
use leptos::prelude::*;
use partner_api::programmes::capability::tag;
use partner_api::programmes::review::status;

pub fn review_status_msg(s: &str) -> Option<Msg> {
    Some(match s {
        status::SUBMITTED => Msg::PgStatusSubmitted,
        status::IN_REVIEW => Msg::PgStatusInReview,
        status::APPROVED => Msg::PgStatusApproved,
        status::REJECTED => Msg::PgStatusRejected,
        _ => return None,
    })
}

/// The state's label (its code when unknown).
pub fn review_status_text(s: &str, l: Locale) -> String {
    review_status_msg(s).map_or_else(|| s.to_string(), |m| m.text(l).to_string())
}

/// The state as a tag, coloured and labelled (never by colour alone).
pub fn review_status_tag(s: &str, l: Locale) -> AnyView {
    let tone = match s {
        status::APPROVED => "tag-won",
        status::REJECTED => "tag-lost",
        _ => "tag-negotiation",
    };
    view! { <span class=format!("tag {tone}") data-testid="review-status" data-status=s.to_string()>{review_status_text(s, l)}</span> }
        .into_any()
}

/// `(code, label)` of every review state, for a status filter.
pub fn review_status_options(l: Locale) -> Vec<(String, String)> {
    status::ALL.iter().map(|s| (s.to_string(), review_status_text(s, l))).collect()
}

pub fn tag_text(code: &str, l: Locale) -> String {
    let msg = match code {
        tag::CLOUD_MIGRATION => Msg::PgTagCloudMigration,
        tag::DATABASE => Msg::PgTagDatabase,
        tag::BIG_DATA => Msg::PgTagBigData,
        tag::AI => Msg::PgTagAi,
        tag::SECURITY => Msg::PgTagSecurity,
        tag::CONTAINER => Msg::PgTagContainer,
        tag::MANAGED_SERVICES => Msg::PgTagManagedServices,
        _ => return code.to_string(),
    };
    msg.text(l).to_string()
}

/// The programme and invoice codes (codes.rs, 5003xxxx) in the person's language.
pub fn refusal_msg(code: &str) -> Option<Msg> {
    use partner_api::codes;
    Some(match code {
        codes::NOT_IN_PROGRAMME => Msg::PgRefusedNotMember,
        codes::BENEFIT_NOT_APPLICABLE => Msg::PgRefusedNotApplicable,
        codes::APPLICATION_IN_REVIEW => Msg::PgUnderReview,
        codes::BENEFIT_ALREADY_APPROVED => Msg::PgAlreadyApproved,
        codes::INVOICE_NOT_PENDING_RECEIPT => Msg::IvNotPending,
        codes::INVOICE_ALREADY_SIGNED => Msg::IvAlreadySigned,
        _ => return None,
    })
}

/// A refusal with one of those codes as a sentence (with its code), anything else as the
/// shared error notice (request id, retry).
#[component]
pub fn RefusalOrError(error: partner_api::ApiError) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    match refusal_msg(&error.code) {
        Some(msg) => {
            let code = error.code.clone();
            let data_code = code.clone();
            view! {
                <div class="notice notice-error" role="alert" data-testid="refusal" data-code=data_code>
                    {move || msg.text(i18n.get())}" ("{code}")"
                </div>
            }
            .into_any()
        }
        None => view! { <crate::components::error_notice::ErrorNotice error /> }.into_any(),
    }
}
