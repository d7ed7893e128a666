//! The price dialog: the order (product, customer, original and current price, pay-by time),
//! the new price and the reason kept as typed with each problem at its field, the change on
//! the original price as it is typed, then a confirmation old → new before one send, and every
//! outcome of a lost answer in words.

use super::labels::{problem_text, status_text};
use super::repricer::{Repricer, Setback, Step};
use crate::components::error_notice::ErrorNotice;
use crate::format;
use crate::i18n::{use_i18n, KgDone, KgFromTo, KgVsOriginal, Locale, Msg};
use leptos::prelude::*;
use partner_api::koogallery::form::{check_draft, parse_price};
use partner_api::koogallery::rules::{percent_of_original, percent_text};
use partner_api::koogallery::{MarketplaceOrder, MAX_REASON_LEN};
use partner_api::Amount;

fn vs_original(o: &MarketplaceOrder, new_amount: Amount, l: Locale) -> Option<String> {
    percent_of_original(o.original_amount, new_amount).map(|p| KgVsOriginal { pct: &percent_text(p) }.text(l))
}

#[component]
pub fn PriceDialog(repricer: Repricer, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let Repricer { order, step, setback, .. } = repricer;
    let price = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let problems = Memo::new(move |_| {
        let o = order.get();
        price.with(|p| reason.with(|r| check_draft(&o, p, r).err().unwrap_or_default()))
    });
    // A problem shows once "review" was tried; the server's refusal of the same field wins.
    let problem_of = move |field: &'static str| {
        let l = i18n.get();
        let cur = order.with(|o| o.currency.clone());
        if let Some(Setback::Rule(p)) = setback.get() {
            if p.field() == field {
                return Some(problem_text(&p, &cur, l));
            }
        }
        if !tried.get() {
            return None;
        }
        problems.with(|ps| ps.iter().find(|p| p.field() == field).map(|p| problem_text(p, &cur, l)))
    };
    let busy = move || step.with(Step::busy);
    let editing = move || step.with(|s| *s == Step::Editing);
    let review = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if !editing() {
            return;
        }
        setback.set(None);
        let o = order.get_untracked();
        if let Ok(req) = check_draft(&o, &price.get_untracked(), &reason.get_untracked()) {
            repricer.review(req);
        }
    };
    let touched = move || {
        // Typing again answers a refusal about the price or the reason.
        if matches!(setback.get_untracked(), Some(Setback::Rule(ref p)) if p.field() != "order_id") {
            setback.set(None);
        }
    };

    let facts = move || {
        let l = i18n.get();
        let o = order.get();
        let m = |a: Amount| format::money(&a, &o.currency);
        view! {
            <dl class="facts-inline koogallery-facts">
                <dt>{Msg::ColOrderId.text(l)}</dt><dd data-testid="price-order">{o.order_id.clone()}</dd>
                <dt>{Msg::ColCustomer.text(l)}</dt><dd>{format!("{} ({})", o.customer_name, o.customer_id)}</dd>
                <dt>{Msg::KgColProduct.text(l)}</dt><dd>{format!("{} · {}", o.product_name, o.spec_desc)}</dd>
                <dt>{Msg::KgColSeller.text(l)}</dt><dd>{o.seller_name.clone()}</dd>
                <dt>{Msg::Status.text(l)}</dt><dd data-testid="price-status" data-status=o.status.clone()>{status_text(&o.status, l)}</dd>
                <dt>{Msg::KgColOriginal.text(l)}</dt><dd class="num" data-testid="price-original">{m(o.original_amount)}</dd>
                <dt>{Msg::KgColPrice.text(l)}</dt><dd class="num" data-testid="price-current">{m(o.amount)}</dd>
                <dt>{Msg::KgColExpire.text(l)}</dt><dd>{o.expire_time.map(|t| format::date_time(&t)).unwrap_or_else(|| "—".into())}</dd>
            </dl>
        }
    };
    let setback_notice = move || {
        let l = i18n.get();
        match setback.get()? {
            Setback::Rule(p) if p.field() == "order_id" => {
                let cur = order.with(|o| o.currency.clone());
                Some(view! { <div class="notice notice-warning" role="alert" data-testid="price-order-changed">{problem_text(&p, &cur, l)}</div> }.into_any())
            }
            Setback::Rule(_) => None,
            Setback::Overtaken => Some(view! { <div class="notice notice-warning" role="alert" data-testid="price-overtaken">{Msg::KgOvertaken.text(l)}</div> }.into_any()),
            Setback::Error(e) => {
                let code = e.code.clone();
                Some(view! { <div data-testid="price-refused" data-code=code><ErrorNotice error=e /></div> }.into_any())
            }
        }
    };
    let preview = move || {
        let o = order.get();
        let a = price.with(|p| parse_price(p).ok())?;
        vs_original(&o, a, i18n.get())
            .map(|t| view! { <span class="field-hint" data-testid="price-preview">{t}</span> })
    };
    let price_problem = move || problem_of("new_amount");
    let reason_problem = move || problem_of("reason");
    let form = move || {
        view! {
            <label class="field" class:field-invalid=move || price_problem().is_some()>
                <span class="field-label">{move || Msg::KgNewPrice.text(i18n.get())}</span>
                <input type="text" inputmode="decimal" autocomplete="off" data-testid="price-new"
                    class:invalid=move || price_problem().is_some()
                    aria-invalid=move || price_problem().is_some().to_string()
                    prop:value=move || price.get()
                    disabled=move || !editing()
                    on:input=move |ev| { price.set(event_target_value(&ev)); touched(); } />
                {move || match price_problem() {
                    Some(m) => view! { <span class="field-error" role="alert" data-testid="price-new-error">{m}</span> }.into_any(),
                    None => view! { <span class="field-hint">{Msg::KgNewPriceHint.text(i18n.get())}</span> }.into_any(),
                }}
                {preview}
            </label>
            <label class="field" class:field-invalid=move || reason_problem().is_some()>
                <span class="field-label">{move || Msg::KgReasonLabel.text(i18n.get())}</span>
                <textarea rows="3" data-testid="price-reason"
                    aria-invalid=move || reason_problem().is_some().to_string()
                    prop:value=move || reason.get()
                    disabled=move || !editing()
                    on:input=move |ev| { reason.set(event_target_value(&ev)); touched(); }></textarea>
                {move || match reason_problem() {
                    Some(m) => view! { <span class="field-error" role="alert" data-testid="price-reason-error">{m}</span> }.into_any(),
                    None => view! { <span class="field-hint">{Msg::KgReasonHint.text(i18n.get())}</span> }.into_any(),
                }}
                <span class="field-count muted" data-testid="price-reason-count">
                    {move || format!("{}/{MAX_REASON_LEN}", reason.with(|r| r.trim().chars().count()))}
                </span>
            </label>
        }
    };
    let confirmation = move || {
        let l = i18n.get();
        let request = match step.get() {
            Step::Confirming(r) | Step::Sending(r) | Step::Checking(r) | Step::NotApplied(r) | Step::Unknown(r, _) => r,
            _ => return None,
        };
        let o = order.get();
        let m = |a: Amount| format::money(&a, &o.currency);
        let old = request.expected_amount.unwrap_or(o.amount);
        Some(view! {
            <div class="card confirm-card" data-testid="price-confirmation">
                <h3 class="card-title">{Msg::KgConfirmTitle.text(l)}</h3>
                <p class="confirm-main" data-testid="price-from-to">{KgFromTo { old: &m(old), new: &m(request.new_amount) }.text(l)}</p>
                <p data-testid="price-vs-original">{vs_original(&o, request.new_amount, l)}</p>
                <p class="muted">{Msg::KgReasonLabel.text(l)}": "{request.reason.clone()}</p>
            </div>
        })
    };
    let outcome = move || {
        let l = i18n.get();
        match step.get() {
            Step::Done { adjust_id, request, reconciled } => {
                let o = order.get();
                let id = adjust_id.clone().unwrap_or_else(|| "—".into());
                let old = request.expected_amount.unwrap_or(o.original_amount);
                Some(view! {
                    <div class="notice notice-success" role="status" data-testid="price-done" data-reconciled=reconciled.to_string() data-adjust=adjust_id.unwrap_or_default()>
                        <div>{KgDone { id: &id }.text(l)}</div>
                        <div>{KgFromTo { old: &format::money(&old, &o.currency), new: &format::money(&request.new_amount, &o.currency) }.text(l)}</div>
                        {reconciled.then(|| view! { <div class="notice-hint">{Msg::KgReconciled.text(l)}</div> })}
                    </div>
                }
                .into_any())
            }
            Step::Checking(_) => Some(view! { <p class="muted" role="status" data-testid="price-checking">{Msg::KgChecking.text(l)}</p> }.into_any()),
            Step::NotApplied(_) => Some(view! { <div class="notice notice-warning" role="alert" data-testid="price-not-applied">{Msg::KgNotApplied.text(l)}</div> }.into_any()),
            Step::Unknown(_, e) => Some(view! {
                <div class="notice notice-warning" role="alert" data-testid="price-unknown">
                    <div>{Msg::KgUnknown.text(l)}</div>
                    <ErrorNotice error=e />
                </div>
            }
            .into_any()),
            _ => None,
        }
    };
    let primary = move || {
        let l = i18n.get();
        let (label, test_id) = match step.get() {
            Step::Editing => (Msg::FbReview, "price-review"),
            Step::Confirming(_) => (Msg::KgConfirm, "price-confirm"),
            Step::Sending(_) => (Msg::FdSending, "price-confirm"),
            Step::Checking(_) => (Msg::FdChecking, "price-confirm"),
            Step::NotApplied(_) => (Msg::FdSendAgain, "price-send-again"),
            Step::Unknown(..) => (Msg::FdCheckAgain, "price-check-again"),
            Step::Done { .. } => return None,
        };
        let kind = if editing() { "submit" } else { "button" };
        Some(view! {
            <button type=kind class="button primary" data-testid=test_id disabled=busy aria-busy=move || busy().to_string()
                on:click=move |ev| match step.get_untracked() {
                    Step::Confirming(_) | Step::NotApplied(_) => { ev.prevent_default(); repricer.send() }
                    Step::Unknown(..) => { ev.prevent_default(); repricer.check_again() }
                    _ => {}
                }>
                {label.text(l)}
            </button>
        })
    };
    let done = move || step.with(|s| matches!(s, Step::Done { .. }));
    view! {
        <div class="dialog-backdrop">
            <form class="dialog dialog-wide" role="dialog" aria-modal="true" aria-labelledby="price-title" data-testid="price-dialog" novalidate on:submit=review>
                <h2 id="price-title">{move || Msg::KgDialogTitle.text(i18n.get())}</h2>
                {facts}
                {setback_notice}
                <Show when=editing>{form}</Show>
                {confirmation}
                {outcome}
                <div class="form-actions">
                    {primary}
                    {move || matches!(step.get(), Step::Confirming(_)).then(|| view! {
                        <button type="button" class="button" data-testid="price-edit" on:click=move |_| repricer.edit()>{Msg::KgEdit.text(i18n.get())}</button>
                    })}
                    <button type="button" class="button" data-testid="price-close" data-dialog-cancel disabled=busy on:click=move |_| on_close.run(())>
                        {move || if done() { Msg::Close } else { Msg::Cancel }.text(i18n.get())}
                    </button>
                </div>
            </form>
        </div>
    }
}
