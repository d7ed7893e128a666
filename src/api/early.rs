//! Reads started early: when a page is opened, its first request is sent while the page's
//! code is still downloading (the registry's `Page::first_request`), and the page's own
//! identical call, made once it runs, takes that answer instead of sending again.
//!
//! An early read is taken at most once and only within [`FRESH_MS`] of being sent, so a
//! page never shows an answer older than the click that opened it. Only reads are started
//! early; writes are never sent by anyone but the page.

use futures::future::{LocalBoxFuture, Shared};
use futures::FutureExt;
use partner_api::ApiError;
use std::cell::RefCell;

/// How long an early answer may wait for the page's call.
const FRESH_MS: f64 = 10_000.0;

pub(super) type Answer<R> = Shared<LocalBoxFuture<'static, Result<R, ApiError>>>;

struct Early<R: Clone> {
    key: String,
    sent_at: f64,
    answer: Answer<R>,
}

/// The reads started early and not yet taken (a handful at most: one per opened page).
pub(super) struct EarlyReads<R: Clone + 'static> {
    pending: RefCell<Vec<Early<R>>>,
}

impl<R: Clone + 'static> EarlyReads<R> {
    pub const fn new() -> Self {
        EarlyReads { pending: RefCell::new(Vec::new()) }
    }

    /// Starts `send` now (driven by a task of its own, so it runs without waiting for anyone)
    /// and keeps its answer for the call of the same `key`.
    pub fn start(&self, key: String, send: LocalBoxFuture<'static, Result<R, ApiError>>) {
        let now = js_sys::Date::now();
        let answer = send.shared();
        leptos::task::spawn_local(answer.clone().map(|_| ()));
        let mut pending = self.pending.borrow_mut();
        pending.retain(|e| e.key != key && now - e.sent_at < FRESH_MS);
        pending.push(Early { key, sent_at: now, answer });
    }

    /// The early answer for `key`, if one is fresh; it is taken (a second call sends).
    pub fn take(&self, key: &str) -> Option<Answer<R>> {
        let now = js_sys::Date::now();
        let mut pending = self.pending.borrow_mut();
        pending.retain(|e| now - e.sent_at < FRESH_MS);
        let at = pending.iter().position(|e| e.key == key)?;
        Some(pending.swap_remove(at).answer)
    }
}
