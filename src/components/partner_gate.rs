//! Pages only some kinds of partner may use: the page's content once the signed-in partner's
//! type is known and allowed, a clear "not available for your partner type" state otherwise
//! (a direct URL never shows a broken page or a wall of 403 errors).

use crate::i18n::{tr, Msg};
use leptos::prelude::*;

/// The signed-in partner's type (`partner_api::profile::partner_type`), once known.
pub fn use_partner_type() -> Memo<Option<String>> {
    let auth = crate::api::use_auth();
    Memo::new(move |_| auth.profile.with(|p| p.as_ref().map(|p| p.partner_type.clone())))
}

#[component]
pub fn PartnerGate(
    /// Partner types that may use the page.
    allow: &'static [&'static str],
    /// Why the page is not available to the others.
    not_available: Msg,
    children: ChildrenFn,
) -> impl IntoView {
    let ptype = use_partner_type();
    move || match ptype.get() {
        None => view! { <div class="boot" aria-busy="true" data-testid="partner-gate-loading"></div> }.into_any(),
        Some(t) if allow.contains(&t.as_str()) => children().into_any(),
        Some(_) => view! {
            <div class="notice notice-info" role="status" data-testid="not-available">{tr(not_available)}</div>
        }
        .into_any(),
    }
}
