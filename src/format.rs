//! Dates in the user's time zone and money with currency, for display.

use partner_api::time::{self, Instant};
use partner_api::Amount;

/// Minutes east of UTC of the browser's zone at that instant (DST-aware).
pub fn zone_offset_minutes(t: &Instant) -> i32 {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.timestamp_millis() as f64));
    -(d.get_timezone_offset() as i32)
}

pub fn date_time(t: &Instant) -> String {
    time::format_local(t, zone_offset_minutes(t))
}

/// The local calendar day `YYYY-MM-DD` of an instant.
pub fn date(t: &Instant) -> String {
    time::format_local_date(t, zone_offset_minutes(t))
}

pub fn money(a: &Amount, currency: &str) -> String {
    a.with_currency(currency)
}

/// A count with thousands separators (`100000` → `100,000`), as both languages write it.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The current instant from the browser clock.
pub fn now() -> Instant {
    let ms = js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// The UTC instant at which a local calendar day (`YYYY-MM-DD`) starts, DST-aware;
/// `days_after` = 1 gives the exclusive end of that day.
pub fn local_day_start_utc(date: &str, days_after: u32) -> Option<Instant> {
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    let js = js_sys::Date::new_with_year_month_day(d.year() as u32, d.month0() as i32, (d.day() + days_after) as i32);
    chrono::DateTime::from_timestamp_millis(js.get_time() as i64)
}
