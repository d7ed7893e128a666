//! Choosing coupons and a discount, the total with the balance before and after, the pay
//! button and its confirmation; the notices of a refused, lost or unknown payment sit here too,
//! above the choice the person may change.

use super::controller::Payment;
use super::state::Flow;
use crate::components::error_notice::ErrorNotice;
use crate::format;
use crate::i18n::{tr, use_i18n, Locale, Msg, PayConfirmText, PayCouponBalance, PayCouponExpires, PayMaxOfType};
use leptos::prelude::*;
use partner_api::payment::rules::{split, ChoiceProblem, Funds, Quote};
use partner_api::payment::{discount_kind, order_coupon_status, pay_coupon_type, OrderCoupon, OrderDiscount};
use partner_api::{Amount, ErrorKind};

fn coupon_kind(t: i32) -> Msg {
    match t {
        pay_coupon_type::VOUCHER => Msg::VoTypeVoucher,
        pay_coupon_type::CASH_COUPON => Msg::VoTypeCash,
        pay_coupon_type::DISCOUNT_COUPON => Msg::PayTypeDiscountCoupon,
        _ => Msg::PayTypeCard,
    }
}

fn discount_name(t: i32) -> Msg {
    match t {
        discount_kind::PROMOTION => Msg::PayDiscPromotion,
        discount_kind::CONTRACT => Msg::PayDiscContract,
        discount_kind::COMMERCIAL => Msg::PayDiscCommercial,
        discount_kind::PRICE_ADJUSTMENT => Msg::PayDiscAdjustment,
        _ => Msg::PayDiscPartner,
    }
}

fn problem_text(p: &ChoiceProblem, l: Locale) -> String {
    match p {
        ChoiceProblem::TooManyCoupons => Msg::PayProblemTooMany.text(l).into(),
        ChoiceProblem::TooManyOfType { max, .. } => PayMaxOfType { max }.text(l),
        ChoiceProblem::CouponNotNeeded(_) => Msg::PayProblemNotNeeded.text(l).into(),
        ChoiceProblem::CouponWithDiscount | ChoiceProblem::VoucherWithDiscountCoupon => {
            Msg::PayProblemCombine.text(l).into()
        }
        ChoiceProblem::PriceAdjustmentRequired(_) => Msg::PayAdjustmentRequired.text(l).into(),
        _ => Msg::PayProblemCoupon.text(l).into(),
    }
}

fn coupon_row(pay: Payment, c: OrderCoupon, currency: String, l: Locale) -> impl IntoView {
    let id = c.coupon_id.clone();
    let usable = c.status == order_coupon_status::USABLE;
    let checked = {
        let id = id.clone();
        move || pay.choice.with(|ch| ch.coupons.contains(&id))
    };
    let busy = move || pay.flow.with(|f| f.busy());
    let toggle = {
        let id = id.clone();
        move |_| pay.toggle_coupon(&id)
    };
    let name = c.plan_name.clone().or(c.coupon_code.clone()).unwrap_or_else(|| c.coupon_id.clone());
    let expires = c.expire_time.as_ref().map(|t| PayCouponExpires { date: &format::date(t) }.text(l));
    view! {
        <label class="choice-row" class:disabled=!usable data-testid="pay-coupon" data-coupon=id.clone()>
            <input type="checkbox" data-testid="pay-coupon-check" disabled=move || !usable || busy() prop:checked=checked on:change=toggle />
            <span class="choice-main">
                <span class="tag">{coupon_kind(c.coupon_type).text(l)}</span>" "
                <span>{name}</span>
            </span>
            <span class="choice-meta num">{PayCouponBalance { balance: &format::money(&c.balance, &currency) }.text(l)}</span>
            <span class="choice-meta muted">{if usable { expires.unwrap_or_default() } else { Msg::PayCouponLocked.text(l).to_string() }}</span>
        </label>
    }
}

fn discount_row(pay: Payment, d: Option<OrderDiscount>, forced: bool, currency: String, l: Locale) -> impl IntoView {
    let id = d.as_ref().map(|d| d.discount_id.clone());
    let value = id.clone();
    let checked = move || pay.choice.with(|c| c.discount == value);
    let busy = move || pay.flow.with(|f| f.busy());
    let pick = {
        let id = id.clone();
        move |_| pay.set_discount(id.clone())
    };
    let label = match &d {
        Some(d) => format!("{} · −{}", discount_name(d.discount_type).text(l), format::money(&d.amount(), &currency)),
        None => Msg::PayNoDiscount.text(l).to_string(),
    };
    // An order with a price adjustment is paid with it: the other choices are not offered.
    let locked = forced && d.as_ref().is_none_or(|d| d.discount_type != discount_kind::PRICE_ADJUSTMENT);
    view! {
        <label class="choice-row" class:disabled=locked data-testid="pay-discount" data-discount=id.clone().unwrap_or_default()>
            <input type="radio" name="pay-discount" data-testid="pay-discount-radio" disabled=move || locked || busy() prop:checked=checked on:change=pick />
            <span class="choice-main">{label}</span>
        </label>
    }
}

/// One line of the summary.
fn line(label: Msg, value: String, test_id: &'static str, l: Locale) -> impl IntoView {
    view! { <dt>{label.text(l)}</dt><dd class="num" data-testid=test_id>{value}</dd> }
}

#[component]
fn Summary(pay: Payment, quote: Quote) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let l = i18n.get();
        let currency = pay.currency();
        let m = |a: Amount| format::money(&a, &currency);
        let neg = |a: Amount| if a.is_positive() { format!("−{}", m(a)) } else { m(a) };
        let funds = pay.funds_now();
        let parts = funds.and_then(|f| split(quote.to_pay, f));
        let after = funds.and_then(|f| partner_api::payment::rules::funds_after(quote.to_pay, f));
        view! {
            <dl class="pay-summary" data-testid="pay-summary" data-to-pay=quote.to_pay.to_string()>
                {line(Msg::PayOrderAmount, m(quote.order_amount), "sum-order", l)}
                {line(Msg::PayDiscountOff, neg(quote.discount), "sum-discount", l)}
                {line(Msg::PayCouponsOff, neg(quote.coupons_total()), "sum-coupons", l)}
                <dt class="strong">{Msg::PayToPay.text(l)}</dt><dd class="num strong" data-testid="sum-to-pay">{m(quote.to_pay)}</dd>
                {parts.map(|(cash, credit)| view! {
                    {line(Msg::PayFromCash, m(cash), "sum-from-cash", l)}
                    {line(Msg::PayFromCredit, m(credit), "sum-from-credit", l)}
                })}
                {funds.map(|f: Funds| line(Msg::PayFundsTotal, m(f.total()), "sum-funds-before", l))}
                {after.map(|f| line(Msg::PayFundsAfter, m(f.total()), "sum-funds-after", l))}
            </dl>
            {(funds.is_some() && parts.is_none()).then(|| view! {
                <p class="field-error" role="alert" data-testid="pay-insufficient">{Msg::PayInsufficient.text(l)}</p>
            })}
        }
    }
}

/// The payment made, on the "paid" step.
#[component]
pub fn PaidSummary(pay: Payment) -> impl IntoView {
    move || {
        pay.flow.with(|f| match f {
            Flow::Done { quote, .. } => Some(view! { <Summary pay quote=quote.clone() /> }),
            _ => None,
        })
    }
}

#[component]
pub fn Choose(pay: Payment) -> impl IntoView {
    let i18n = use_i18n();
    let quote = Memo::new(move |_| pay.quote());
    let offer = Memo::new(move |_| pay.flow.with(|f| f.offer().cloned()));
    let busy = move || pay.flow.with(|f| f.busy());
    let insufficient = move || {
        let q = quote.get().and_then(|q| q.ok());
        match (q, pay.funds_now()) {
            (Some(q), Some(f)) => split(q.to_pay, f).is_none(),
            _ => false,
        }
    };
    let can_pay = move || quote.get().is_some_and(|q| q.is_ok()) && !busy() && !insufficient() && pay.acting_now();

    let notices = move || {
        let l = i18n.get();
        pay.flow.with(|f| match f {
            Flow::Refused(_, e) => {
                let lost = matches!(e.kind(), ErrorKind::Server | ErrorKind::Network | ErrorKind::Timeout);
                Some(view! {
                    <div data-testid="pay-refused" data-code=e.code.clone() data-not-applied=lost.to_string()>
                        {lost.then(|| view! { <div class="notice notice-warning" role="alert" data-testid="pay-not-applied">{Msg::PayNotApplied.text(l)}</div> })}
                        <ErrorNotice error=e.clone() />
                        {(e.code == partner_api::codes::CUSTOMER_TOKEN_EXPIRED).then(|| view! {
                            <button type="button" class="button" data-testid="acting-again" on:click=move |_| pay.authorise()>{Msg::PayActAgain.text(l)}</button>
                        })}
                    </div>
                }
                .into_any())
            }
            // Stopped acting (the bar's button) while choosing: paying needs the token again.
            Flow::Choosing(_) if !pay.acting_now() => Some(view! {
                <div class="notice notice-warning" role="status" data-testid="pay-acting-stopped">
                    <div>{Msg::PayActingStopped.text(l)}</div>
                    <button type="button" class="button" data-testid="acting-again" on:click=move |_| pay.authorise()>{Msg::PayActAgain.text(l)}</button>
                </div>
            }
            .into_any()),
            Flow::Checking(..) => Some(view! { <p class="muted" role="status" data-testid="pay-checking">{Msg::PayChecking.text(l)}</p> }.into_any()),
            Flow::Unknown(_, _, e) => Some(view! {
                <div class="notice notice-warning" role="alert" data-testid="pay-unknown">
                    <div>{Msg::PayUnknown.text(l)}</div>
                    <ErrorNotice error=e.clone() />
                    <button type="button" class="button" data-testid="pay-check" on:click=move |_| pay.check_again()>{Msg::PayCheckAgain.text(l)}</button>
                </div>
            }
            .into_any()),
            _ => None,
        })
    };

    let choices = move || {
        offer.get().map(|o| {
            let l = i18n.get();
            let currency = pay.currency();
            let forced = o.discounts.iter().any(|d| d.discount_type == discount_kind::PRICE_ADJUSTMENT);
            let coupons = o.coupons.clone();
            let discounts = o.discounts.clone();
            view! {
                <fieldset class="card choice-group" data-testid="pay-coupons">
                    <legend class="card-title">{Msg::PayCoupons.text(l)}</legend>
                    {if coupons.is_empty() {
                        view! { <p class="muted" data-testid="pay-no-coupons">{Msg::PayNoCoupons.text(l)}</p> }.into_any()
                    } else {
                        coupons.into_iter().map(|c| coupon_row(pay, c, currency.clone(), l)).collect_view().into_any()
                    }}
                </fieldset>
                <fieldset class="card choice-group" data-testid="pay-discounts">
                    <legend class="card-title">{Msg::PayDiscounts.text(l)}</legend>
                    {if discounts.is_empty() {
                        view! { <p class="muted" data-testid="pay-no-discounts">{Msg::PayNoDiscounts.text(l)}</p> }.into_any()
                    } else {
                        view! {
                            {forced.then(|| view! { <p class="muted" data-testid="pay-adjustment-required">{Msg::PayAdjustmentRequired.text(l)}</p> })}
                            {discount_row(pay, None, forced, currency.clone(), l)}
                            {discounts.into_iter().map(|d| discount_row(pay, Some(d), forced, currency.clone(), l)).collect_view()}
                        }
                        .into_any()
                    }}
                </fieldset>
            }
        })
    };

    let summary = move || {
        let l = i18n.get();
        quote.get().map(|q| match q {
            Ok(q) => view! { <Summary pay quote=q /> }.into_any(),
            Err(p) => view! { <p class="field-error" role="alert" data-testid="pay-problem">{problem_text(&p, l)}</p> }
                .into_any(),
        })
    };

    let dialog = move || {
        pay.flow.with(|f| match f {
            Flow::Confirming(_, q) => {
                let l = i18n.get();
                let amount = format::money(&q.to_pay, &pay.currency());
                let text = PayConfirmText { amount: &amount, order: &pay.order_id.get_value() }.text(l);
                Some(view! {
                    <div class="dialog-backdrop">
                        <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="pay-confirm-title" data-testid="pay-confirm-dialog" data-to-pay=q.to_pay.to_string()>
                            <h2 id="pay-confirm-title">{Msg::PayConfirmTitle.text(l)}</h2>
                            <p class="strong" data-testid="pay-confirm-text">{text}</p>
                            <p class="muted">{Msg::PayConfirmHint.text(l)}</p>
                            <div class="form-actions">
                                <button class="button primary" type="button" data-testid="pay-confirm" on:click=move |_| pay.pay()>{Msg::PayConfirm.text(l)}</button>
                                <button class="button" type="button" data-testid="pay-cancel" data-dialog-cancel on:click=move |_| pay.cancel_confirm()>{Msg::Cancel.text(l)}</button>
                            </div>
                        </div>
                    </div>
                })
            }
            _ => None,
        })
    };

    let label = move || {
        let l = i18n.get();
        pay.flow.with(|f| match f {
            Flow::Paying(..) => Msg::PayPaying.text(l),
            Flow::Checking(..) => Msg::PayChecking.text(l),
            _ => Msg::PaySubmit.text(l),
        })
    };
    let blocked = move || pay.flow.with(|f| matches!(f, Flow::Unknown(..)));
    view! {
        <div class="pay-choose" data-testid="pay-choose">
            {notices}
            {choices}
            <div class="card">
                <h2 class="card-title">{tr(Msg::PaySummary)}</h2>
                {summary}
                <div class="form-actions">
                    <button type="button" class="button primary" data-testid="pay-submit"
                        disabled=move || !can_pay() || blocked() on:click=move |_| pay.ask_confirm()>{label}</button>
                </div>
            </div>
            {dialog}
        </div>
    }
}
