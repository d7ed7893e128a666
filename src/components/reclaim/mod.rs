//! Reclaiming what was issued (S6 vouchers, S8 reseller quotas), one piece for both pages:
//! rows picked one at a time or "all matching" (the table resolves those page by page through
//! the list's loader, which records every row it loads: [`SeenRows`], forgotten at each new
//! search) → a confirmation stating how many, the total and how many cannot be reclaimed →
//! the calls, in batches of the endpoint's size, one after the other; a failed call stops the
//! rest and nothing is ever sent twice → one result line per row; then the list reloads.

mod view;

use crate::components::table::{BulkAction, Loader, RowAction, SeenRows, Selected};
use crate::i18n::{CountText, Locale, Msg};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::{Amount, ApiError};
use std::sync::Arc;

pub use view::{ReclaimDialog, ReclaimResults};

/// One row's outcome: reclaimed (with the amount that went back, where known) or refused
/// (code, message).
pub type Outcome = Result<Option<Amount>, (String, String)>;

/// Sends one batch (with the remark, if any): each row's outcome, or the error that stops
/// the rest.
pub type SendBatch<T> = Arc<
    dyn Fn(Vec<T>, Option<String>) -> LocalBoxFuture<'static, Result<Vec<(String, Outcome)>, ApiError>> + Send + Sync,
>;

/// What differs between the pages that reclaim.
pub struct ReclaimSpec<T> {
    /// Test ids start with it: `{prefix}-dialog`, `{prefix}-result`…
    pub prefix: &'static str,
    /// The attribute naming a result's row: `data-coupon`, `data-quota`.
    pub key_attr: &'static str,
    pub key: fn(&T) -> String,
    pub reclaimable: fn(&T) -> bool,
    /// What goes back (the balance), and its currency.
    pub amount: fn(&T) -> (Amount, String),
    /// The confirmation's sentence for these rows and their total.
    pub summary: fn(&[T], &str, Locale) -> String,
    pub title: Msg,
    pub warning: Msg,
    /// "{n} other selected … are skipped", e.g. `VoReclaimSkipped::of`.
    pub skipped: CountText,
    pub nothing: Msg,
    pub results: Msg,
    pub done: Msg,
    /// Ask for a remark in the confirmation.
    pub remark: bool,
    /// The most rows one call takes.
    pub batch: usize,
    pub send: SendBatch<T>,
}

/// A page's reclaim flow (Copy: all signals).
pub struct Reclaim<T: Send + Sync + 'static> {
    spec: StoredValue<ReclaimSpec<T>>,
    seen: SeenRows<T>,
    /// The rows to reclaim and how many chosen ones cannot be.
    pub(crate) confirm: RwSignal<Option<(Vec<T>, usize)>>,
    pub(crate) remark: RwSignal<String>,
    pub(crate) busy: RwSignal<bool>,
    pub(crate) outcomes: RwSignal<Vec<(String, Outcome)>>,
    pub(crate) failure: RwSignal<Option<ApiError>>,
    pub(crate) notice: RwSignal<Option<Msg>>,
    /// Bumped after every run: the list reads it in its loader, so it reloads.
    pub ran: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Reclaim<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Reclaim<T> {}

impl<T: Clone + Send + Sync + 'static> Reclaim<T> {
    pub fn new(spec: ReclaimSpec<T>) -> Self {
        let seen = SeenRows::new(spec.key);
        Reclaim {
            spec: StoredValue::new(spec),
            seen,
            confirm: RwSignal::new(None),
            remark: RwSignal::new(String::new()),
            busy: RwSignal::new(false),
            outcomes: RwSignal::new(Vec::new()),
            failure: RwSignal::new(None),
            notice: RwSignal::new(None),
            ran: RwSignal::new(0),
        }
    }

    pub(crate) fn with_spec<O>(&self, f: impl FnOnce(&ReclaimSpec<T>) -> O) -> O {
        self.spec.with_value(f)
    }

    /// The list's loader, recording every row it loads (a new loader is a new search: what the
    /// previous one saw is forgotten). Also reloads after each run.
    pub fn tap(&self, load: Loader<T>) -> Loader<T> {
        self.ran.track();
        let seen = self.seen;
        seen.clear();
        Arc::new(move |slice| {
            let page = load(slice);
            Box::pin(async move {
                let rows = page.await?;
                seen.record(&rows.rows);
                Ok(rows)
            })
        })
    }

    /// Opens the confirmation for these keys (or says nothing can be reclaimed).
    pub fn ask(&self, keys: Vec<String>) {
        self.notice.set(None);
        let (can, nothing) = self.with_spec(|s| (s.reclaimable, s.nothing));
        let ok: Vec<T> = self.seen.pick(&keys).into_iter().filter(can).collect();
        if ok.is_empty() {
            self.notice.set(Some(nothing));
            return;
        }
        self.remark.set(String::new());
        let skipped = keys.len() - ok.len();
        self.confirm.set(Some((ok, skipped)));
    }

    /// The row action (offered only where the row can be reclaimed).
    pub fn row_action(&self, label: Msg) -> RowAction<T> {
        let (this, key, can) = (*self, self.with_spec(|s| s.key), self.with_spec(|s| s.reclaimable));
        RowAction::button("reclaim", label, move |r: T| this.ask(vec![key(&r)])).only_when(can)
    }

    /// The bulk action over the selection ("all matching" already resolved by the table).
    pub fn bulk_action(&self, label: Msg) -> BulkAction {
        let this = *self;
        BulkAction { danger: true, ..BulkAction::new("reclaim", label, move |s: Selected| this.ask(s.keys)) }
    }

    /// Sends the confirmed rows, batch after batch; the confirmation closes first, so a second
    /// click cannot send them again.
    pub fn run(&self) {
        let Some((rows, _)) = self.confirm.get_untracked() else { return };
        self.confirm.set(None);
        self.busy.set(true);
        self.outcomes.set(Vec::new());
        self.failure.set(None);
        let remark = Some(self.remark.get_untracked().trim().to_string()).filter(|r| !r.is_empty());
        let (send, batch) = self.with_spec(|s| (s.send.clone(), s.batch.max(1)));
        let this = *self;
        spawn_local(async move {
            for chunk in rows.chunks(batch) {
                match send(chunk.to_vec(), remark.clone()).await {
                    Ok(out) => {
                        this.outcomes.try_update(|v| v.extend(out));
                    }
                    Err(e) => {
                        this.failure.try_set(Some(e));
                        break;
                    }
                }
            }
            this.busy.try_set(false);
            this.ran.try_update(|v| *v += 1);
        });
    }
}
