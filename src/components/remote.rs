//! Remote data for a page: loads whenever what the fetch reads changes, keeps the last
//! good data while reloading, drops answers that a newer request superseded, and retries
//! on demand.

use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::ApiError;
use std::future::Future;

pub struct Remote<T: Send + Sync + 'static> {
    pub data: RwSignal<Option<T>>,
    pub error: RwSignal<Option<ApiError>>,
    pub loading: RwSignal<bool>,
    attempt: RwSignal<u64>,
}

impl<T: Send + Sync + 'static> Clone for Remote<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Remote<T> {}

impl<T: Send + Sync + 'static> Remote<T> {
    /// Sends the same request again (the Retry and Refresh buttons).
    pub fn reload(&self) {
        self.attempt.update(|a| *a += 1);
    }
}

/// `fetch` must read its reactive inputs synchronously, before its future starts.
pub fn use_remote<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> Remote<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let remote = Remote {
        data: RwSignal::new(None),
        error: RwSignal::new(None),
        loading: RwSignal::new(true),
        attempt: RwSignal::new(0),
    };
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        remote.attempt.track();
        let fut = fetch();
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        remote.loading.set(true);
        spawn_local(async move {
            let result = fut.await;
            // The page may have been left meanwhile (its signals disposed), or a newer
            // request may have superseded this one: then this answer is dropped.
            if generation.try_get_value() != Some(mine) {
                return;
            }
            match result {
                Ok(v) => {
                    remote.data.try_set(Some(v));
                    remote.error.try_set(None);
                }
                Err(e) => {
                    remote.error.try_set(Some(e));
                }
            }
            remote.loading.try_set(false);
        });
    });
    remote
}
