//! The issue form (the `Editing` state): quota, face value, validity, memo, scope and
//! customers, with a live summary against the quota's balance. Submitting makes a plan and
//! hands it to the controller.

use super::controller::Issuance;
use super::customers::{AddCustomersDialog, ChosenList};
use super::draft::Draft;
use super::paste::PasteBox;
use super::quota_picker::{QuotaPicker, ScopePicker};
use super::saved::new_plan_id;
use crate::components::date_input::DateInput;
use crate::components::error_notice::ErrorNotice;
use crate::components::remote::Remote;
use crate::i18n::{tr, use_i18n, CodeKind, Msg};
use leptos::prelude::*;
use partner_api::coupons::{limit_key, CouponQuota, ListQuotaCouponsResponse};
use partner_api::issuance::form::{self as rules, FormProblem};
use partner_api::issuance::Plan;

#[component]
pub fn IssueForm(
    draft: Draft,
    quotas: Remote<ListQuotaCouponsResponse>,
    quota: Memo<Option<CouponQuota>>,
    issuance: Issuance,
) -> impl IntoView {
    let i18n = use_i18n();
    let Draft {
        quota_id,
        face,
        face_touched,
        valid_from,
        valid_to,
        memo,
        advanced,
        services,
        products,
        customers,
        restored,
        handed,
        ..
    } = draft;
    let dialog_open = RwSignal::new(false);
    let form_error = RwSignal::new(None::<Msg>);
    let face_error = Memo::new(move |_| quota.with(|q| draft.face_error(q.as_ref(), i18n.get())));
    let validity = Memo::new(move |_| quota.with(|q| draft.validity_problem(q.as_ref())));
    // Each end is highlighted when it is the culprit; both when the range itself is wrong.
    let end_invalid =
        move |end: bool| Signal::derive(move || validity.with(|v| v.is_some_and(|(_, e)| e.is_none_or(|e| e == end))));
    let total = Memo::new(move |_| quota.with(|q| draft.total(q.as_ref())));
    let over_balance = Memo::new(move |_| quota.with(|q| draft.over_balance(q.as_ref())));
    let currency = move || quota.with(|q| q.as_ref().map(|q| q.currency.clone()).unwrap_or_else(|| "CNY".into()));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        face_touched.set(true);
        form_error.set(None);
        let q = quota.get_untracked();
        if validity.get_untracked().is_some() {
            // Shown at the field; nothing is sent with a validity the server would refuse.
            return;
        }
        match draft.check(q.as_ref()) {
            Err(FormProblem::NoQuota) => form_error.set(Some(Msg::VoPickQuota)),
            // Shown at the field.
            Err(FormProblem::Face(_)) => {}
            Err(FormProblem::NoCustomers) => form_error.set(Some(Msg::VoPickCustomers)),
            Err(FormProblem::OverBalance) => form_error.set(Some(Msg::VoOverBalance)),
            Ok(face_value) => {
                let Some(q) = q else { return };
                let template = rules::template(&q, draft.choices(&q, face_value));
                // The quota's last change (server clock) is the floor of this plan's records.
                let plan = Plan::new(new_plan_id(), template, q.quota_type, draft.plan_customers(), q.last_update_time);
                issuance.review(plan);
            }
        }
    };
    let scope = move |key: &'static str| {
        Signal::derive(move || quota.with(|q| q.as_ref().map(|q| rules::limit_list(q, key)).unwrap_or_default()))
    };

    view! {
        <form class="card form issue-form" data-testid="issue-form" on:submit=submit novalidate>
            {move || quotas.error.get().map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| quotas.reload()) /> })}
            {move || restored.get().then(|| view! {
                <div class="notice notice-info" role="status" data-testid="draft-restored">
                    {tr(Msg::VoDraftRestored)}" "
                    <button class="link-button" type="button" data-testid="draft-discard" on:click=move |_| draft.clear()>{tr(Msg::VoDraftDiscard)}</button>
                </div>
            })}
            <fieldset class="field quota-field">
                <legend class="field-label">{tr(Msg::Quota)}<span class="required">"*"</span></legend>
                <QuotaPicker quotas=quotas.data selected=quota_id />
            </fieldset>
            <label class="field">
                <span class="field-label">{move || format!("{} ({})", Msg::VoFaceValue.text(i18n.get()), currency())}<span class="required">"*"</span></span>
                <input type="text" inputmode="decimal" data-testid="face-value" prop:value=face
                    class=move || if face_touched.get() && face_error.get().is_some() { "invalid" } else { "" }
                    aria-invalid=move || (face_touched.get() && face_error.get().is_some()).to_string()
                    on:input=move |ev| face.set(event_target_value(&ev))
                    on:blur=move |_| face_touched.set(true) />
                {move || quota.get().map(|q| {
                    let (min, max) = rules::face_bounds(&q);
                    let (min, max) = (min.map(|a| a.with_currency(&q.currency)), max.map(|a| a.with_currency(&q.currency)));
                    (min.is_some() || max.is_some()).then(|| view! {
                        <span class="muted" data-testid="face-limits">{format!("{} {} – {}", Msg::VoFaceRange.text(i18n.get()), min.unwrap_or_default(), max.unwrap_or_default())}</span>
                    })
                })}
                {move || (face_touched.get()).then(|| face_error.get()).flatten().map(|e| view! { <span class="field-error" data-testid="face-error" role="alert">{e}</span> })}
            </label>
            <div class="field">
                <span class="field-label">{tr(Msg::VoValidity)}</span>
                <div class="date-range" class:field-invalid=move || validity.with(Option::is_some)>
                    <DateInput value=valid_from invalid=end_invalid(false) test_id="valid-from".to_string()
                        label=Signal::derive(move || format!("{} ({})", Msg::VoValidity.text(i18n.get()), Msg::DateFrom.text(i18n.get()))) />
                    <span>{tr(Msg::LastUpdateTo)}</span>
                    <DateInput value=valid_to invalid=end_invalid(true) test_id="valid-to".to_string()
                        label=Signal::derive(move || format!("{} ({})", Msg::VoValidity.text(i18n.get()), Msg::DateTo.text(i18n.get()))) />
                </div>
                {move || validity.get().map(|(m, _)| view! { <span class="field-error" data-testid="validity-error" role="alert">{m.text(i18n.get())}</span> })}
                <span class="muted">{tr(Msg::VoValidityHint)}</span>
            </div>
            <label class="field">
                <span class="field-label">{tr(Msg::VoMemo)}</span>
                <input type="text" maxlength="256" data-testid="memo" prop:value=memo on:input=move |ev| memo.set(event_target_value(&ev)) />
            </label>
            <div>
                <button class="link-button" type="button" data-testid="toggle-advanced" aria-expanded=move || advanced.get().to_string() on:click=move |_| advanced.update(|a| *a = !*a)>
                    {move || if advanced.get() { Msg::VoHideAdvanced } else { Msg::VoShowAdvanced }.text(i18n.get())}
                </button>
            </div>
            <Show when=move || advanced.get()>
                <div class="advanced" data-testid="advanced">
                    <ScopePicker label=Msg::VoServiceTypes kind=CodeKind::ServiceType options=scope(limit_key::CLOUD_SERVICE_TYPE) selected=services test_id="service-types" />
                    <ScopePicker label=Msg::VoProducts kind=CodeKind::Product options=scope(limit_key::PRODUCT_ID) selected=products test_id="products" />
                </div>
            </Show>

            <div class="field">
                <span class="field-label">{tr(Msg::VoCustomers)}<span class="required">"*"</span></span>
                <div class="form-actions">
                    <button class="button" type="button" data-testid="add-customers" on:click=move |_| dialog_open.set(true)>{tr(Msg::VoAddCustomers)}</button>
                    <a class="link-button" href=crate::routes::href("/sales/whitelist") data-testid="manage-whitelist">{tr(Msg::VoManageWhitelist)}</a>
                </div>
                <ChosenList customers=customers />
                <PasteBox customers=customers handed=handed />
            </div>

            <div class="issue-summary" data-testid="issue-summary" data-over=move || over_balance.get().to_string()>
                {move || {
                    let l = i18n.get();
                    let n = customers.with(Vec::len);
                    let cur = currency();
                    let f = face.with(|f| quota.with(|q| rules::check_face(f, q.as_ref()).ok())).map(|a| a.with_currency(&cur)).unwrap_or_else(|| "—".into());
                    let t = total.get().map(|a| a.with_currency(&cur)).unwrap_or_else(|| "—".into());
                    let bal = quota.with(|q| q.as_ref().map(|q| q.balance.with_currency(&q.currency))).unwrap_or_else(|| "—".into());
                    view! {
                        <span data-testid="summary-line">{format!("{} {n} × {f} = {t}", Msg::VoSummaryCustomers.text(l))}</span>
                        <span class="muted">{format!("{} {bal}", Msg::VoBalance.text(l))}</span>
                    }
                }}
                {move || over_balance.get().then(|| view! { <span class="field-error" data-testid="over-balance" role="alert">{tr(Msg::VoOverBalance)}</span> })}
            </div>
            {move || form_error.get().map(|m| view! { <div class="form-error" data-testid="form-error" role="alert">{m.text(i18n.get())}</div> })}
            <div class="form-actions">
                <button class="button primary" type="submit" data-testid="issue-submit" disabled=move || { issuance.running() || over_balance.get() }>{tr(Msg::Issue)}</button>
            </div>
        </form>
        // Outside the form: the dialog's own search form must not submit this one.
        <Show when=move || dialog_open.get()>
            <AddCustomersDialog open=dialog_open customers=customers />
        </Show>
    }
}
