//! A plan being sent, paused, stopped by a failed read, or finished: the progress, what can be
//! done next, and every customer's result (the transaction id, or the reason in the person's
//! language) on the shared table, exportable.

use super::controller::Batch;
use super::flow::Flow;
use super::labels::{direction_text, state_detail, state_label};
use crate::components::error_notice::ErrorNotice;
use crate::components::table::{ClientSource, Column, DataTable, Empty, EmptyReason, Paging, Source};
use crate::i18n::{tr, use_i18n, FbProgressText, Msg};
use leptos::prelude::*;
use partner_api::accounts::batch::{Item, ItemState, Plan, Tally, RETRYABLE_CODES};
use std::sync::Arc;

/// One sent row with its place in the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultRow {
    pub n: usize,
    pub item: Item,
}

type C = Column<ResultRow>;

fn columns() -> Vec<Column<ResultRow>> {
    vec![
        C::number("n", Msg::FbLine, |r| Some(r.n as f64)).width(70),
        C::text("customer", Msg::CustomerId, |r, _| r.item.row.customer_id.clone()).copyable().width(220),
        C::text("direction", Msg::FdOperation, |r, l| direction_text(r.item.row.direction, l).to_string()).width(110),
        // A1/A2 move yuan (measure_id 1): customer funds exist on the China site only.
        C::money("amount", Msg::Amount, |r| Some((r.item.row.amount, "CNY"))).width(140),
        C::text("state", Msg::Status, |r, l| state_label(&r.item.state).1.text(l).to_string())
            .view(|r, l| {
                let (id, msg) = state_label(&r.item.state);
                view! { <span class=format!("tag tag-{id}") data-testid="result-state" data-state=id>{msg.text(l)}</span> }
                    .into_any()
            })
            .width(110),
        C::text("detail", Msg::Result, |r, l| {
            let mut text = state_detail(&r.item.state, l);
            if !r.item.extra.is_empty() {
                text = format!("{text} · {}: {}", Msg::FbPossibleDuplicate.text(l), r.item.extra.join(", "));
            }
            text
        })
        .width(420),
    ]
}

fn retryable(p: &Plan) -> usize {
    p.items
        .iter()
        .filter(|i| matches!(&i.state, ItemState::Failed { code, .. } if RETRYABLE_CODES.contains(&code.as_str())))
        .count()
}

#[component]
pub fn BatchResults(batch: Batch) -> impl IntoView {
    let i18n = use_i18n();
    let tally = Memo::new(move |_| batch.flow.with(|f| f.plan().map(Plan::tally).unwrap_or_default()));
    let rows = Memo::new(move |_| {
        batch.flow.with(|f| {
            Arc::new(
                f.plan()
                    .map(|p| {
                        p.items.iter().enumerate().map(|(i, item)| ResultRow { n: i + 1, item: item.clone() }).collect()
                    })
                    .unwrap_or_default(),
            )
        })
    });
    let state = move || batch.flow.with(Flow::name);
    let t = move |f: fn(&Tally) -> usize| move || f(&tally.get()).to_string();
    let settled = |t: &Tally| t.done + t.failed;
    let retry_n = Memo::new(move |_| batch.flow.with(|f| if let Flow::Done(p) = f { retryable(p) } else { 0 }));
    let extra = Memo::new(move |_| {
        batch.flow.with(|f| f.plan().map_or(0, |p| p.items.iter().map(|i| i.extra.len()).sum::<usize>()))
    });
    let next = move || {
        batch.flow.with(|f| match f {
            Flow::Running(_) => view! {
                <div class="form-actions">
                    <button class="button" type="button" data-testid="batch-pause" on:click=move |_| batch.pause()>{tr(Msg::FbStop)}</button>
                </div>
            }
            .into_any(),
            Flow::Paused(_) => view! {
                <div class="notice notice-info" data-testid="batch-paused">
                    <p>{tr(Msg::FbPaused)}</p>
                    <div class="form-actions">
                        <button class="button primary" type="button" data-testid="batch-continue" on:click=move |_| batch.resume_current()>{tr(Msg::VoContinue)}</button>
                    </div>
                </div>
            }
            .into_any(),
            Flow::Interrupted { error, .. } => view! {
                <div class="notice notice-warning" data-testid="batch-interrupted">
                    <p>{tr(Msg::FbInterrupted)}</p>
                    <ErrorNotice error=error.clone() />
                    <div class="form-actions">
                        <button class="button primary" type="button" data-testid="batch-continue" on:click=move |_| batch.resume_current()>{tr(Msg::VoContinue)}</button>
                    </div>
                </div>
            }
            .into_any(),
            _ => view! {
                <div class="form-actions">
                    {move || (retry_n.get() > 0).then(|| view! {
                        <button class="button" type="button" data-testid="batch-retry" on:click=move |_| batch.retry_failed()>
                            {move || format!("{} ({})", Msg::FbRetryFailed.text(i18n.get()), retry_n.get())}
                        </button>
                    })}
                    <button class="button primary" type="button" data-testid="batch-new" on:click=move |_| batch.start_over()>{tr(Msg::FbNewBatch)}</button>
                </div>
            }
            .into_any(),
        })
    };
    let source = Source::Client(ClientSource::new(Signal::from(rows), Paging::Virtual, vec![]));
    view! {
        <div class="card batch-progress" data-testid="batch-progress" data-state=state
            data-total=t(|t| t.total) data-done=t(|t| t.done) data-failed=t(|t| t.failed)
            data-unknown=t(|t| t.unknown) data-pending=t(|t| t.pending) data-extra=move || extra.get().to_string()>
            <h2 class="card-title">{tr(Msg::FbProgress)}</h2>
            <progress max=t(|t| t.total) value=t(settled) data-testid="batch-progress-bar"></progress>
            <p data-testid="batch-progress-text">{move || {
                let t = tally.get();
                FbProgressText { done: &settled(&t), total: &t.total, ok: &t.done, failed: &t.failed }.text(i18n.get())
            }}</p>
            {next}
        </div>
        <div class="card table-card">
            <DataTable
                id="funds-batch-results"
                test_id="batch-results-table"
                label=Signal::derive(move || Msg::FbResultsTable.text(i18n.get()).to_string())
                columns=columns()
                source=source
                row_key=|r: &ResultRow| r.item.row.customer_id.clone()
                empty=Signal::stored(Empty::new(EmptyReason::NoData, Msg::FbNothing))
            />
        </div>
    }
}
