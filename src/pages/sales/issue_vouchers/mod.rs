//! S4 发放代金券 and S7 现金券: pick a quota, a face value and whitelisted customers, then
//! issue through [`partner_api::issuance::Plan`] so that nobody is ever issued twice.
//!
//! - `controller.rs`: the flow's states (editing → reviewing → issuing → done / interrupted)
//!   and moves;
//! - `driver.rs`: runs a plan (saved before every call and after every answer, ambiguous
//!   batches reconciled from V5 before anything else is sent);
//! - `saved.rs`: the plans in localStorage, resumed (by reconciling) when the page opens;
//! - `draft_store.rs`: the draft kept for the tab (a reload or leaving the page loses nothing);
//! - `draft.rs`, `form.rs`, `quota_picker.rs`, `customers.rs`, `paste.rs`: the form;
//! - `review.rs`: the plan shown for confirmation before anything is sent;
//! - `progress.rs`: the plan on screen; `resume.rs`: plans found from an earlier visit.

mod controller;
mod customers;
mod draft;
mod draft_store;
mod driver;
mod flow;
mod form;
mod paste;
mod progress;
mod quota_picker;
mod resume;
mod review;
mod saved;

use crate::api::use_api;
use crate::components::remote::use_remote;
use crate::i18n::{tr, use_i18n, Msg};
use controller::{Flow, Issuance};
use draft::Draft;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use partner_api::coupons::{quota_type, ListQuotaCouponsRequest};

use crate::routes::ISSUE_VOUCHERS as PATH;

#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Form,
    Review,
    Plan,
}

#[component]
pub fn IssueVouchersPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let query = use_query_map();

    // Voucher (quota type 0) or cash coupon (quota type 1): `?type=cash`.
    // Read from the URL at once, so the other type's draft is never restored first.
    let cash_url = query.with_untracked(|q| q.get("type").as_deref() == Some("cash"));
    let kind = RwSignal::new(if cash_url { quota_type::CASH } else { quota_type::VOUCHER });
    Effect::new(move |_| {
        let cash = query.with(|q| q.get("type").as_deref() == Some("cash"));
        kind.set(if cash { quota_type::CASH } else { quota_type::VOUCHER });
    });

    let api_q = api;
    let quotas = use_remote(move || {
        let req = ListQuotaCouponsRequest {
            quota_type: Some(kind.get()),
            offset: Some(0),
            limit: Some(100),
            ..Default::default()
        };
        let api = api_q;
        async move { api.call(&req).await }
    });
    let quota_id = RwSignal::new(String::new());
    let quota = Memo::new(move |_| {
        let id = quota_id.get();
        quotas.data.with(|d| d.as_ref().and_then(|d| d.quotas.iter().find(|q| q.quota_id == id).cloned()))
    });
    let draft = Draft::new(kind, quota_id, move || quota.get());
    let issuance = Issuance::new(api, saved::saved_unfinished_plans(), Callback::new(move |_| quotas.reload()));
    let new_issue = Callback::new(move |_| {
        let issued = issuance.issued_customers();
        issuance.new_issue();
        draft.after_issue(&issued);
    });

    // Only the stage changing switches between the form, the review and the progress card
    // (a closure reading the plan itself would rebuild the card on every batch).
    let stage = Memo::new(move |_| {
        issuance.flow.with(|f| match f {
            Flow::Editing => Stage::Form,
            Flow::Reviewing(_) => Stage::Review,
            _ => Stage::Plan,
        })
    });
    Effect::new(move |_| draft.keeping.set(stage.get() != Stage::Plan));
    let title =
        move || if kind.get() == quota_type::CASH { Msg::VoCashTitle } else { Msg::IssueVouchers }.text(i18n.get());
    let switch_href = move |cash: bool| crate::routes::href(&format!("{PATH}{}", if cash { "?type=cash" } else { "" }));
    let switch_class = move |k: i32| move || if kind.get() == k { "button primary" } else { "button" };

    view! {
        <section class="page" data-testid="page-issue-vouchers">
            <h1 class="page-title">{title}</h1>
            <nav class="type-switch" aria-label=move || Msg::VoType.text(i18n.get())>
                <a href=move || switch_href(false) class=switch_class(quota_type::VOUCHER) data-testid="type-voucher">{tr(Msg::VoTypeVoucher)}</a>
                <a href=move || switch_href(true) class=switch_class(quota_type::CASH) data-testid="type-cash">{tr(Msg::VoTypeCash)}</a>
                <a class="link-button" href=crate::routes::href(crate::routes::VOUCHERS) data-testid="link-reclaim">{tr(Msg::ReclaimVouchers)}</a>
            </nav>
            <p class="page-intro">{tr(Msg::VoIssueIntro)}</p>
            <resume::ResumeNotices issuance=issuance />
            // Created once per visible plan: it follows the plan itself, so a batch only
            // redraws the rows it changed.
            {move || match stage.get() {
                Stage::Plan => view! {
                    <progress::PlanProgress issuance=issuance quotas=quotas.data />
                    <progress::PlanActions issuance=issuance on_new_issue=new_issue />
                }.into_any(),
                Stage::Review => view! { <review::Review draft=draft quota=quota issuance=issuance /> }.into_any(),
                Stage::Form => view! { <form::IssueForm draft=draft quotas=quotas quota=quota issuance=issuance /> }.into_any(),
            }}
        </section>
    }
}
