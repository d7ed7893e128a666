//! The server's time, read from the `Date` of its answers. What is in effect now (a quota not
//! yet effective, or expired) is the server's decision: judged by a browser clock that is off
//! (or by the sandbox's business clock, docs/sandbox.md), the console would offer a quota the
//! API then refuses with `CBC.99000017`. Without a readable `Date` (a gateway that does not
//! expose it) the browser's clock is used.

use partner_api::time::Instant;
use std::cell::Cell;

thread_local! {
    /// Server time minus browser time, in milliseconds, from the latest answer.
    static OFFSET_MS: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Takes the `Date` of an answer just received (RFC 9110 IMF-fixdate, second precision).
pub(super) fn note(date: &str) {
    let server = js_sys::Date::parse(date);
    if server.is_finite() {
        // The header is truncated to the second: the middle of that second is the best guess.
        OFFSET_MS.with(|o| o.set(Some(server + 500.0 - js_sys::Date::now())));
    }
}

/// Now, at the server (the browser's clock until an answer said otherwise).
pub fn now() -> Instant {
    let ms = js_sys::Date::now() + OFFSET_MS.with(Cell::get).unwrap_or(0.0);
    chrono::DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()
}
