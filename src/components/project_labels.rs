//! Labels shared by the D1 pages (项目跟踪, 申请验收): project states.

use crate::i18n::{Locale, Msg};
use leptos::prelude::*;
use partner_api::projects::status;

pub fn project_status_msg(s: &str) -> Option<Msg> {
    Some(match s {
        status::REGISTERING => Msg::PjStRegistering,
        status::REGISTERED => Msg::PjStRegistered,
        status::ACCEPTANCE_SUBMITTED => Msg::PjStSubmitted,
        status::ACCEPTANCE_IN_REVIEW => Msg::PjStInReview,
        status::ACCEPTED => Msg::PjStAccepted,
        status::ACCEPTANCE_REJECTED => Msg::PjStRejected,
        _ => return None,
    })
}

/// The state's label (its code when unknown).
pub fn project_status_text(s: &str, l: Locale) -> String {
    project_status_msg(s).map_or_else(|| s.to_string(), |m| m.text(l).to_string())
}

/// The state as a tag, coloured and labelled (never by colour alone).
pub fn project_status_tag(s: &str, l: Locale) -> AnyView {
    let tone = match s {
        status::ACCEPTED => "tag-won",
        status::ACCEPTANCE_REJECTED => "tag-lost",
        status::REGISTERED => "tag-registered",
        _ => "tag-negotiation",
    };
    view! { <span class=format!("tag {tone}") data-testid="project-status" data-status=s.to_string()>{project_status_text(s, l)}</span> }
        .into_any()
}

/// `(code, label)` of every state, for the status filter (报备成功 first: the usual search).
pub fn project_status_options(l: Locale) -> Vec<(String, String)> {
    let mut all: Vec<&str> = status::ALL.to_vec();
    all.sort_by_key(|s| *s != status::REGISTERED);
    all.into_iter().map(|s| (s.to_string(), project_status_text(s, l))).collect()
}
