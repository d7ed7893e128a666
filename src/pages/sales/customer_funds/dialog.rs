//! The allocate / reclaim dialog: the customer, their balance and what the partner may
//! allocate, the amount (kept as typed, its problem beside it), one button that sends once,
//! and every outcome of a lost answer in words.

use super::adjuster::{Adjuster, Step};
use crate::components::error_notice::ErrorNotice;
use crate::format;
use crate::i18n::{use_i18n, FdConfirmText, Msg};
use leptos::prelude::*;
use partner_api::accounts::batch::Direction;
use partner_api::money::parse_input_amount;
use partner_api::Amount;

/// Why the typed amount cannot be sent, if it cannot.
fn amount_problem(
    text: &str,
    direction: Direction,
    allocatable: Option<Amount>,
    balance: Option<Amount>,
) -> Result<Amount, Msg> {
    if text.trim().is_empty() {
        return Err(Msg::FdAmountRequired);
    }
    // Not a number, not above 0 and too many decimals share one text: it names all three.
    let a = parse_input_amount(text.trim()).map_err(|_| Msg::FdAmountInvalid)?;
    match direction {
        Direction::Allocate if allocatable.is_some_and(|max| a.0 > max.0) => Err(Msg::FdOverAllocatable),
        Direction::Reclaim if balance.is_some_and(|max| a.0 > max.0) => Err(Msg::FdOverBalance),
        _ => Ok(a),
    }
}

#[component]
pub fn AdjustDialog(
    adjuster: Adjuster,
    /// R2 cash less the designated part, when read.
    #[prop(into)]
    allocatable: Signal<Option<Amount>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = adjuster.target.get_value();
    let direction = t.direction;
    let currency = t.currency.clone();
    let balance = t.balance;
    let typed = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let problem = move || typed.with(|s| amount_problem(s, direction, allocatable.get(), balance).err());
    let shown_problem = move || if tried.get() { problem() } else { None };
    let step = adjuster.step;
    let busy = move || step.with(Step::busy);
    let done = move || step.with(|s| matches!(s, Step::Done { .. }));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let amount = typed.with_untracked(|s| amount_problem(s, direction, allocatable.get_untracked(), balance));
        match (amount, step.get_untracked()) {
            (Ok(_), Step::NotApplied | Step::Unknown(_)) => adjuster.resume(),
            (Ok(a), _) => adjuster.submit(a),
            (Err(_), _) => {}
        }
    };
    let title = match direction {
        Direction::Allocate => Msg::FdDialogAllocate,
        Direction::Reclaim => Msg::FdDialogReclaim,
    };
    let cur = currency.clone();
    let button = Signal::derive(move || {
        let l = i18n.get();
        match step.get() {
            Step::Sending => Msg::FdSending.text(l).to_string(),
            Step::Checking => Msg::FdChecking.text(l).to_string(),
            Step::NotApplied => Msg::FdSendAgain.text(l).to_string(),
            Step::Unknown(_) => Msg::FdCheckAgain.text(l).to_string(),
            _ => {
                let action = match direction {
                    Direction::Allocate => Msg::FdConfirmAllocate,
                    Direction::Reclaim => Msg::FdConfirmReclaim,
                };
                match typed.with(|s| amount_problem(s, direction, None, None)) {
                    Ok(a) => format!("{} {}", action.text(l), format::money(&a, &cur)),
                    Err(_) => action.text(l).to_string(),
                }
            }
        }
    });
    let cur = currency.clone();
    let name = format!("{} ({})", t.name, t.customer_id);
    let name2 = name.clone();
    let outcome = move || {
        let l = i18n.get();
        match step.get() {
            Step::Done { trans_id, reconciled } => {
                let trans_attr = trans_id.clone();
                let amount = typed.with_untracked(|s| amount_problem(s, direction, None, None).ok());
                let action = match direction { Direction::Allocate => Msg::FdAllocate, Direction::Reclaim => Msg::Reclaim };
                let text = amount.map(|a| FdConfirmText { action: &action.text(l), amount: &format::money(&a, &cur), customer: &name2 }.text(l));
                Some(view! {
                    <div class="notice notice-success" role="status" data-testid="adjust-done" data-reconciled=reconciled.to_string() data-trans=trans_attr>
                        <div>{Msg::FdDone.text(l)}" "{text}</div>
                        <div class="muted">{Msg::FdTransId.text(l)}": "{trans_id}</div>
                        {reconciled.then(|| view! { <div class="notice-hint">{Msg::FdReconciled.text(l)}</div> })}
                    </div>
                }
                .into_any())
            }
            Step::Refused(e) => {
                let code = e.code.clone();
                Some(view! { <div data-testid="adjust-refused" data-code=code><ErrorNotice error=e /></div> }.into_any())
            }
            Step::NotApplied => Some(view! { <div class="notice notice-warning" role="alert" data-testid="adjust-not-applied">{Msg::FdNotApplied.text(l)}</div> }.into_any()),
            Step::Unknown(e) => Some(view! {
                <div class="notice notice-warning" role="alert" data-testid="adjust-unknown">
                    <div>{Msg::FdUnknown.text(l)}</div>
                    <ErrorNotice error=e />
                </div>
            }
            .into_any()),
            Step::Checking => Some(view! { <p class="muted" role="status" data-testid="adjust-checking">{Msg::FdChecking.text(l)}</p> }.into_any()),
            _ => None,
        }
    };
    let cur = currency.clone();
    let facts = move || {
        let l = i18n.get();
        view! {
            <dl class="facts-inline">
                <dt>{Msg::ColCustomer.text(l)}</dt><dd data-testid="adjust-customer">{name.clone()}</dd>
                <dt>{Msg::FdBalance.text(l)}</dt>
                <dd data-testid="adjust-balance">{balance.map(|b| format::money(&b, &cur)).unwrap_or_else(|| Msg::FdBalanceUnknown.text(l).to_string())}</dd>
                {(direction == Direction::Allocate).then(|| view! {
                    <dt>{Msg::FdAllocatable.text(l)}</dt>
                    <dd data-testid="adjust-allocatable">{allocatable.get().map(|a| format::money(&a, &cur)).unwrap_or_else(|| Msg::FdBalanceUnknown.text(l).to_string())}</dd>
                })}
            </dl>
        }
    };
    view! {
        <div class="dialog-backdrop">
            <form class="dialog" role="dialog" aria-modal="true" aria-labelledby="adjust-title" data-testid="adjust-dialog" data-direction=format!("{direction:?}") novalidate on:submit=submit>
                <h2 id="adjust-title">{move || title.text(i18n.get())}</h2>
                {facts}
                <label class="field" class:field-invalid=move || shown_problem().is_some()>
                    <span class="field-label">{move || Msg::FdAmountLabel.text(i18n.get())}</span>
                    <input type="text" inputmode="decimal" autocomplete="off" data-testid="adjust-amount"
                        class:invalid=move || shown_problem().is_some()
                        aria-invalid=move || shown_problem().is_some().to_string()
                        prop:value=move || typed.get()
                        disabled=move || busy() || done() || matches!(step.get(), Step::NotApplied | Step::Unknown(_))
                        on:input=move |ev| typed.set(event_target_value(&ev)) />
                    {move || match shown_problem() {
                        Some(m) => view! { <span class="field-error" role="alert" data-testid="adjust-amount-error">{m.text(i18n.get())}</span> }.into_any(),
                        None => view! { <span class="field-hint">{Msg::FdAmountHint.text(i18n.get())}</span> }.into_any(),
                    }}
                </label>
                {outcome}
                <div class="form-actions">
                    {move || (!done()).then(|| view! {
                        <button type="submit" class="button primary" data-testid="adjust-submit" disabled=busy>{button}</button>
                    })}
                    <button type="button" class="button" data-testid="adjust-close" data-dialog-cancel disabled=busy on:click=move |_| on_close.run(())>
                        {move || if done() { Msg::Close } else { Msg::Cancel }.text(i18n.get())}
                    </button>
                </div>
            </form>
        </div>
    }
}
