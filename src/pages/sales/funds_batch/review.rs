//! The review before sending: every line of the list with what will happen to it (sent, or
//! left out and why), the totals of what will be sent against the partner's allocatable cash,
//! and "Send" / "Back to the list".

use super::controller::Batch;
use super::flow::Checked;
use super::labels::{direction_text, line_problem_id, line_problem_text, refusal_id, refusal_text};
use crate::components::table::{ClientSource, Column, DataTable, Empty, EmptyReason, Paging, SortKey, Source};
use crate::format;
use crate::i18n::{tr, use_i18n, FbConfirm, FbOverAllocatable, FbRefusedCount, FbSummary, Locale, Msg};
use leptos::prelude::*;
use partner_api::accounts::batch::Direction;
use partner_api::Amount;
use std::sync::Arc;

/// One line of the list as reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub line: usize,
    /// The customer id (normalised), or for a line that is no row the line as given.
    pub given: String,
    pub direction: Option<Direction>,
    pub amount: Option<Amount>,
    pub balance: Option<Amount>,
    pub currency: String,
    /// `None`: will be sent; else (test id, reason).
    pub problem: Option<(&'static str, String)>,
}

fn rows_of(c: &Checked, l: Locale) -> Vec<ReviewRow> {
    let mut rows: Vec<ReviewRow> = c
        .problems
        .iter()
        .map(|p| ReviewRow {
            line: p.line,
            given: p.text.clone(),
            direction: None,
            amount: None,
            balance: None,
            currency: c.currency.clone(),
            problem: Some((line_problem_id(&p.problem), line_problem_text(&p.problem, l))),
        })
        .collect();
    rows.extend(c.review.rows.iter().map(|r| ReviewRow {
        line: r.line,
        given: r.row.customer_id.clone(),
        direction: Some(r.row.direction),
        amount: Some(r.row.amount),
        balance: r.balance,
        currency: c.currency.clone(),
        problem: r.refusal.as_ref().map(|f| (refusal_id(f), refusal_text(f, &c.currency, l))),
    }));
    rows.sort_by_key(|r| r.line);
    rows
}

type C = Column<ReviewRow>;

fn columns() -> Vec<Column<ReviewRow>> {
    vec![
        C::number("line", Msg::FbLine, |r| Some(r.line as f64)).sort("line").width(80),
        C::text("given", Msg::FbGiven, |r, _| r.given.clone()).sort("given").width(220),
        C::text("direction", Msg::FdOperation, |r, l| r.direction.map(|d| direction_text(d, l).to_string()).unwrap_or_default())
            .width(110),
        C::money("amount", Msg::Amount, |r| r.amount.map(|a| (a, r.currency.as_str()))).sort("amount").width(140),
        C::money("balance", Msg::FdBalance, |r| r.balance.map(|a| (a, r.currency.as_str()))).width(140),
        C::text("result", Msg::Result, |r, l| match &r.problem {
            None => Msg::FbWillSend.text(l).to_string(),
            Some((_, reason)) => reason.clone(),
        })
        .view(|r, l| match &r.problem {
            None => view! { <span class="tag tag-send" data-testid="review-result" data-result="send">{Msg::FbWillSend.text(l)}</span> }.into_any(),
            Some((id, reason)) => view! { <span class="row-problem" data-testid="review-result" data-result=*id title=reason.clone()>{reason.clone()}</span> }.into_any(),
        })
        .width(420),
    ]
}

#[component]
pub fn BatchReview(batch: Batch, checked: Arc<Checked>) -> impl IntoView {
    let i18n = use_i18n();
    let c = checked.clone();
    let rows = Signal::derive(move || Arc::new(rows_of(&c, i18n.get())));
    let r = &checked.review;
    let sendable = r.allocate_count + r.reclaim_count;
    let refused = r.refused() + checked.problems.len();
    let money = {
        let currency = checked.currency.clone();
        move |a: &Amount| format::money(a, &currency)
    };
    let summary = {
        let (allocate, reclaim) = (money(&r.allocate_total), money(&r.reclaim_total));
        let (an, rn) = (r.allocate_count, r.reclaim_count);
        move || {
            FbSummary { n: &sendable, allocate_n: &an, allocate: &allocate, reclaim_n: &rn, reclaim: &reclaim }
                .text(i18n.get())
        }
    };
    let over = r.over_allocatable.then(|| {
        let allocatable = checked.allocatable.map(|a| money(&a)).unwrap_or_default();
        view! {
            <div class="notice notice-warning" role="alert" data-testid="batch-over-allocatable">
                <p>{move || FbOverAllocatable { allocatable: &allocatable }.text(i18n.get())}</p>
            </div>
        }
    });
    let refused_note = (refused > 0).then(|| {
        view! {
            <div class="notice notice-warning" data-testid="batch-refused" data-count=refused.to_string()>
                <p>{move || FbRefusedCount { n: &refused }.text(i18n.get())}</p>
                <p>{tr(Msg::FbProblemsFirst)}</p>
            </div>
        }
    });
    let source =
        Source::Client(ClientSource::new(rows, Paging::Virtual, vec![SortKey { key: "line".into(), desc: false }]));
    view! {
        <div class="card batch-review" data-testid="batch-review-card" data-send=sendable.to_string() data-refused=refused.to_string()>
            <h2 class="card-title">{tr(Msg::FbReviewTitle)}</h2>
            <p class="batch-summary" data-testid="batch-summary">{summary}</p>
            {over}
            {refused_note}
            {(sendable == 0).then(|| view! { <p class="field-error" role="alert" data-testid="batch-none">{tr(Msg::FbNoneToSend)}</p> })}
            <div class="form-actions">
                <button class="button" type="button" data-testid="batch-back" on:click=move |_| batch.back()>{tr(Msg::FbBack)}</button>
                <button class="button primary" type="button" data-testid="batch-confirm" disabled=sendable == 0 on:click=move |_| batch.confirm()>
                    {move || FbConfirm { n: &sendable }.text(i18n.get())}
                </button>
            </div>
        </div>
        <div class="card table-card">
            <DataTable
                id="funds-batch-review"
                test_id="batch-review-table"
                label=Signal::derive(move || Msg::FbReviewTable.text(i18n.get()).to_string())
                columns=columns()
                source=source
                row_key=|r: &ReviewRow| r.line.to_string()
                empty=Signal::stored(Empty::new(EmptyReason::NoData, Msg::FbNothing))
            />
        </div>
    }
}
