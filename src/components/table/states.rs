//! What the table shows instead of rows: skeleton rows while the first page loads, and an
//! empty state that says why there is nothing — no data at all, filters that hide every row,
//! or a role that may not see them (the page knows which and passes it).

use super::icons;
use crate::i18n::{tr, Msg};
use leptos::prelude::*;

pub const SKELETON_ROWS: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmptyReason {
    /// There is nothing yet.
    NoData,
    /// The filters hide every row.
    Filtered,
    /// The person's role may not see the rows.
    Restricted,
}

impl EmptyReason {
    pub fn tag(self) -> &'static str {
        match self {
            EmptyReason::NoData => "no-data",
            EmptyReason::Filtered => "filtered",
            EmptyReason::Restricted => "restricted",
        }
    }

    fn icon(self) -> AnyView {
        match self {
            EmptyReason::NoData => icons::inbox(),
            EmptyReason::Filtered => icons::filter(),
            EmptyReason::Restricted => icons::lock(),
        }
    }
}

/// The empty state of a table: why, in a sentence, and the action that helps.
#[derive(Clone)]
pub struct Empty {
    pub reason: EmptyReason,
    pub message: Msg,
    pub action: Option<(Msg, Callback<()>)>,
}

impl Empty {
    pub fn new(reason: EmptyReason, message: Msg) -> Self {
        Empty { reason, message, action: None }
    }

    pub fn action(mut self, label: Msg, run: Callback<()>) -> Self {
        self.action = Some((label, run));
        self
    }
}

#[component]
pub fn EmptyState(empty: Empty) -> impl IntoView {
    let Empty { reason, message, action } = empty;
    view! {
        <div class="empty-state" data-testid="empty-state" data-reason=reason.tag()>
            <div class="empty-icon" aria-hidden="true">{reason.icon()}</div>
            <p>{tr(message)}</p>
            {action.map(|(label, run)| view! {
                <button type="button" class="button" data-testid="clear-filters" on:click=move |_| run.run(())>
                    {tr(label)}
                </button>
            })}
        </div>
    }
}

/// Placeholder rows while the first page loads.
pub fn skeleton(cols: usize) -> impl IntoView {
    (0..SKELETON_ROWS)
        .map(|_| {
            view! {
                <tr class="skeleton-row" aria-hidden="true">
                    {(0..cols).map(|_| view! { <td><span class="skeleton"></span></td> }).collect_view()}
                </tr>
            }
        })
        .collect_view()
}
