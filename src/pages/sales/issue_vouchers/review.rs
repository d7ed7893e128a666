//! The review step (the `Reviewing` state): what is about to be issued, from the plan itself
//! (customers counted once), with the quota's balance before and after. Nothing is saved or
//! sent until "Issue now"; "Back to the form" returns to the form as it was.

use super::controller::Issuance;
use super::draft::Draft;
use crate::i18n::{code_label, tr, use_i18n, CodeKind, Msg, VoReviewMore, VoReviewSummary};
use leptos::html;
use leptos::prelude::*;
use partner_api::coupons::CouponQuota;
use partner_api::Amount;

/// Customers listed by name; the rest are counted.
const LISTED: usize = 10;

#[component]
pub fn Review(draft: Draft, quota: Memo<Option<CouponQuota>>, issuance: Issuance) -> impl IntoView {
    let i18n = use_i18n();
    let plan = Memo::new(move |_| issuance.flow.with(|f| f.reviewing().cloned()));
    let currency = move || quota.with(|q| q.as_ref().map(|q| q.currency.clone()).unwrap_or_else(|| "CNY".into()));
    let heading = NodeRef::<html::H2>::new();
    // The heading takes focus (not the confirm button: Enter must not issue by accident).
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    let facts = move || {
        let l = i18n.get();
        let cur = currency();
        plan.with(|p| {
            let p = p.as_ref()?;
            let n = p.items.len();
            let face = p.face_value();
            let total = Amount(face.0 * rust_decimal::Decimal::from(n as u64));
            let balance = quota.with(|q| q.as_ref().map(|q| q.balance));
            let scope = |codes: Vec<String>, kind: CodeKind| {
                if codes.is_empty() {
                    Msg::VoScopeAll.text(l).to_string()
                } else {
                    codes.iter().map(|c| code_label(kind, c, l)).collect::<Vec<_>>().join("、")
                }
            };
            let validity = format!(
                "{} {} {}",
                draft.valid_from.get_untracked(),
                Msg::LastUpdateTo.text(l),
                draft.valid_to.get_untracked()
            );
            let memo = Some(draft.memo.get_untracked()).filter(|m| !m.trim().is_empty()).unwrap_or_else(|| "—".into());
            let rows: Vec<(Msg, &'static str, String)> = vec![
                (Msg::Quota, "review-quota", p.template.quota_id.clone()),
                (
                    Msg::VoSummaryCustomers,
                    "review-summary",
                    VoReviewSummary { n: &n, face: &face.with_currency(&cur), total: &total.with_currency(&cur) }
                        .text(l),
                ),
                (Msg::VoValidity, "review-validity", validity),
                (Msg::VoServiceTypes, "review-services", scope(draft.services.get_untracked(), CodeKind::ServiceType)),
                (Msg::VoProducts, "review-products", scope(draft.products.get_untracked(), CodeKind::Product)),
                (Msg::VoMemo, "review-memo", memo),
                (
                    Msg::VoBalance,
                    "review-balance",
                    balance.map(|b| b.with_currency(&cur)).unwrap_or_else(|| "—".into()),
                ),
                (
                    Msg::VoBalanceAfter,
                    "review-balance-after",
                    balance.map(|b| Amount(b.0 - total.0).with_currency(&cur)).unwrap_or_else(|| "—".into()),
                ),
            ];
            let names: Vec<String> = p.items.iter().take(LISTED).map(|i| i.label.clone()).collect();
            let more = n.saturating_sub(LISTED);
            Some((rows, names, more))
        })
    };

    view! {
        <div class="card issue-review" data-testid="issue-review">
            <h2 class="card-title" tabindex="-1" node_ref=heading>{tr(Msg::VoReviewTitle)}</h2>
            <p class="muted">{tr(Msg::VoReviewIntro)}</p>
            {move || facts().map(|(rows, names, more)| view! {
                <div class="facts">
                    <dl>
                        {rows.into_iter().map(|(k, id, v)| view! {
                            <dt>{k.text(i18n.get())}</dt><dd data-testid=id>{v}</dd>
                        }).collect_view()}
                    </dl>
                </div>
                <ul class="review-customers" data-testid="review-customers">
                    {names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    {(more > 0).then(|| view! { <li class="muted" data-testid="review-more">{VoReviewMore { n: &more }.text(i18n.get())}</li> })}
                </ul>
            })}
            <div class="form-actions">
                <button class="button primary" type="button" data-testid="review-confirm" on:click=move |_| {
                    // Once sent, these customers belong to the plan (resumed from its own
                    // record), not to a draft a later visit would offer again.
                    if let Some(k) = plan.with_untracked(|p| p.as_ref().map(|p| p.quota_type)) {
                        super::draft_store::forget(k);
                    }
                    issuance.confirm()
                }>
                    {tr(Msg::VoReviewConfirm)}
                </button>
                <button class="button" type="button" data-testid="review-back" on:click=move |_| issuance.back_to_form()>
                    {tr(Msg::VoReviewBack)}
                </button>
            </div>
        </div>
    }
}
