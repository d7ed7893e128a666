//! B2's application form for one benefit (`?benefit=<id>`, the row's "申请"): the benefit is
//! read from the list the server gives (so a benefit that cannot be applied for now says why),
//! then the form (form.rs).

mod form;

use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::components::programme_labels::tag_text;
use crate::components::remote::use_remote;
use crate::i18n::{tr, use_i18n, Msg, PgBenefitHeading};
use crate::routes::{href, BENEFITS_CAPABILITY};
use form::ApplicationForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use partner_api::programmes::capability::{CapabilityBenefit, ListCapabilityBenefitsRequest};

#[component]
pub fn CapabilityApplyPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let query = use_query_map();
    let benefit_id = Memo::new(move |_| query.with(|q| q.get("benefit")).unwrap_or_default());
    let remote = use_remote(move || {
        let _ = benefit_id.get();
        async move {
            let request = ListCapabilityBenefitsRequest { offset: Some(0), limit: Some(100) };
            api.call(&request).await
        }
    });
    let benefit = Memo::new(move |_| {
        let id = benefit_id.get();
        remote.data.with(|d| d.as_ref().map(|l| l.benefits.iter().find(|b| b.benefit_id == id).cloned()))
    });
    // The form is built once per benefit; re-reading it after a lost answer keeps the draft.
    let form_for = Memo::new(move |_| benefit.get().flatten().map(|b: CapabilityBenefit| b.benefit_id));
    let reread = Callback::new(move |_| remote.reload());
    let heading = move || {
        benefit.get().flatten().map(|b| {
            let l = i18n.get();
            let tag = tag_text(&b.tag_code, l);
            let max = b.max_amount.with_currency(&b.currency);
            view! { <p class="page-intro" data-testid="apply-benefit" data-benefit=b.benefit_id.clone()>{tr(Msg::PgFormBenefit)}": "{PgBenefitHeading { tag: &tag, max: &max }.text(l)}</p> }
        })
    };
    let refused = move || benefit.get().flatten().is_some_and(|b| b.refusal().is_some());
    view! {
        <section class="page" data-testid="page-capability-apply">
            <div class="page-actions">
                <a class="button" href=href(BENEFITS_CAPABILITY) data-testid="link-back-benefits">{tr(Msg::PgFormBack)}</a>
            </div>
            <h1 class="page-title">{tr(Msg::PgFormTitle)}</h1>
            {heading}
            {move || remote.error.get().map(|error| view! { <ErrorNotice error on_retry=reread /> })}
            {move || match benefit.get() {
                None => (remote.error.with(Option::is_none)).then(|| view! { <p class="muted" role="status">{tr(Msg::PgLoadingMembership)}</p> }.into_any()),
                Some(None) => Some(view! { <div class="notice notice-error" role="alert" data-testid="apply-unknown-benefit">{tr(Msg::PgFormUnknownBenefit)}</div> }.into_any()),
                Some(Some(_)) => refused().then(|| view! {
                    <div class="notice notice-info" role="status" data-testid="apply-not-now">
                        {tr(Msg::PgFormNotNow)}" "
                        <a href=href(&format!("{BENEFITS_CAPABILITY}?tab=applications"))>{tr(Msg::PgTabApplications)}</a>
                    </div>
                }.into_any()),
            }}
            {move || form_for.get().map(|_| {
                let b = benefit.get_untracked().flatten().expect("benefit of the form");
                view! { <div style:display=move || if refused() { "none" } else { "" }><ApplicationForm benefit=b on_reread=reread /></div> }
            })}
        </section>
    }
}
