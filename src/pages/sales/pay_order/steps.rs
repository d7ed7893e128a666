//! The step the payment is at, one view per state (the choice is `choose.rs`).

use super::choose::Choose;
use super::controller::Payment;
use super::state::Flow;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{tr, Msg};
use crate::routes::{BALANCE_PAYMENT, ORDERS};
use leptos::prelude::*;
use partner_api::acting::Refusal;
use partner_api::payment::rules::Payability;

/// Which step is shown: a memo, so a new choice (inside the choosing steps) redraws nothing here.
#[derive(Clone, PartialEq)]
enum Shown {
    Loading,
    LoadFailed,
    NotPayable(Payability),
    NeedsAgency,
    Authorising,
    AgencyRefused,
    LoadingOffer,
    OfferFailed,
    Choosing,
    Done(bool),
    PaidElsewhere,
}

fn shown(f: &Flow) -> Shown {
    match f {
        Flow::Loading => Shown::Loading,
        Flow::LoadFailed(_) => Shown::LoadFailed,
        Flow::NotPayable(p) => Shown::NotPayable(*p),
        Flow::NeedsAgency => Shown::NeedsAgency,
        Flow::Authorising => Shown::Authorising,
        Flow::AgencyRefused(_) => Shown::AgencyRefused,
        Flow::LoadingOffer => Shown::LoadingOffer,
        Flow::OfferFailed(_) => Shown::OfferFailed,
        Flow::Choosing(_)
        | Flow::Confirming(..)
        | Flow::Paying(..)
        | Flow::Checking(..)
        | Flow::Unknown(..)
        | Flow::Refused(..) => Shown::Choosing,
        Flow::Done { reconciled, .. } => Shown::Done(*reconciled),
        Flow::PaidElsewhere => Shown::PaidElsewhere,
    }
}

fn error_of(pay: Payment) -> Option<partner_api::ApiError> {
    pay.flow.with_untracked(|f| match f {
        Flow::LoadFailed(e) | Flow::AgencyRefused(e) | Flow::OfferFailed(e) => Some(e.clone()),
        _ => None,
    })
}

fn back_links() -> impl IntoView {
    view! {
        <div class="form-actions">
            <a class="button" href=crate::routes::href(BALANCE_PAYMENT) data-testid="pay-back-list">{tr(Msg::PayBack)}</a>
        </div>
    }
}

#[component]
pub fn Step(pay: Payment) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let step = Memo::new(move |_| pay.flow.with(shown));
    move || {
        match step.get() {
        Shown::Loading => view! { <p class="muted" role="status" data-testid="pay-loading">{tr(Msg::Loading)}</p> }.into_any(),
        Shown::LoadFailed => {
            let e = error_of(pay);
            view! { {e.map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| pay.load()) /> })} }.into_any()
        }
        Shown::NotPayable(p) => {
            let text = match p {
                Payability::PastDeadline => Msg::PayPastDeadline,
                _ => Msg::PayAlreadyPaid,
            };
            view! {
                <div class="notice notice-info" role="status" data-testid="pay-not-payable" data-why=format!("{p:?}")>{tr(text)}</div>
                {back_links()}
            }
            .into_any()
        }
        Shown::NeedsAgency | Shown::Authorising => {
            let busy = move || step.get() == Shown::Authorising;
            view! {
                <div class="card" data-testid="pay-needs-agency">
                    <p>{tr(Msg::PayNeedsAgency)}</p>
                    <div class="form-actions">
                        <button type="button" class="button primary" data-testid="acting-start" disabled=busy on:click=move |_| pay.authorise()>
                            {move || if busy() { Msg::PayAuthorising } else { Msg::PayActFor }.text(i18n.get())}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
        Shown::AgencyRefused => {
            let e = error_of(pay);
            // "No agency" will not change by asking again; the others may, once the customer acts.
            let again = e.as_ref().is_some_and(|e| Refusal::of_code(&e.code) != Some(Refusal::NoAgency));
            let code = e.as_ref().map(|e| e.code.clone());
            view! {
                <div data-testid="pay-agency-refused" data-code=code>
                    {e.map(|e| view! { <ErrorNotice error=e /> })}
                    <div class="form-actions">
                        {again.then(|| view! {
                            <button type="button" class="button" data-testid="acting-again" on:click=move |_| pay.authorise()>{tr(Msg::PayActAgain)}</button>
                        })}
                        <a class="button" href=crate::routes::href(BALANCE_PAYMENT) data-testid="pay-back-list">{tr(Msg::PayBack)}</a>
                    </div>
                </div>
            }
            .into_any()
        }
        Shown::LoadingOffer => view! { <p class="muted" role="status" data-testid="pay-loading-offer">{tr(Msg::PayLoadingOffer)}</p> }.into_any(),
        Shown::OfferFailed => {
            let e = error_of(pay);
            view! { {e.map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| pay.load_offer()) /> })} }.into_any()
        }
        Shown::Choosing => view! { <Choose pay /> }.into_any(),
        Shown::Done(reconciled) => {
            let order = crate::routes::href(&format!("{ORDERS}/{}", partner_api::opportunities::encode_path_segment(&pay.order_id.get_value())));
            view! {
                <div class="notice notice-success" role="status" data-testid="pay-done" data-reconciled=reconciled.to_string()>
                    <div>{tr(Msg::PayDone)}</div>
                    {reconciled.then(|| view! { <div class="notice-hint">{tr(Msg::PayReconciled)}</div> })}
                </div>
                <super::choose::PaidSummary pay />
                <div class="form-actions">
                    <a class="button" href=order data-testid="pay-view-order">{tr(Msg::PayViewOrder)}</a>
                    <a class="button" href=crate::routes::href(BALANCE_PAYMENT) data-testid="pay-back-list">{tr(Msg::PayBack)}</a>
                </div>
            }
            .into_any()
        }
        Shown::PaidElsewhere => view! {
            <div class="notice notice-info" role="status" data-testid="pay-paid-elsewhere">{tr(Msg::PayPaidElsewhere)}</div>
            {back_links()}
        }
        .into_any(),
    }
    }
}
