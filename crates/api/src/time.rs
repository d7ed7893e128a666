//! Instants and dates (PARTNER_API.md §1.7): UTC `yyyy-MM-ddTHH:mm:ssZ` on the wire,
//! shown in the user's time zone.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

pub type Instant = DateTime<Utc>;

const WIRE: &str = "%Y-%m-%dT%H:%M:%SZ";

/// Formats an instant as the contract writes it: `2019-05-06T08:05:01Z`.
pub fn to_wire(t: &Instant) -> String {
    t.format(WIRE).to_string()
}

/// Parses `2019-05-06T08:05:01Z`, also with fractional seconds (`…22.701000Z`, IAM).
pub fn parse_wire(s: &str) -> Option<Instant> {
    if let Ok(t) = NaiveDateTime::parse_from_str(s, WIRE) {
        return Some(Utc.from_utc_datetime(&t));
    }
    DateTime::parse_from_rfc3339(s).ok().filter(|t| t.offset().local_minus_utc() == 0).map(|t| t.with_timezone(&Utc))
}

/// Serde for `Instant` fields in the wire format.
pub mod wire {
    use super::*;
    use serde::{de, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Instant, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_wire(t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Instant, D::Error> {
        let s = String::deserialize(d)?;
        parse_wire(&s).ok_or_else(|| de::Error::custom(format!("invalid UTC time {s}")))
    }
}

/// Serde for `Option<Instant>` fields in the wire format.
pub mod wire_opt {
    use super::*;
    use serde::{de, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<Instant>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&to_wire(t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Instant>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => parse_wire(&s).map(Some).ok_or_else(|| de::Error::custom(format!("invalid UTC time {s}"))),
        }
    }
}

/// A fixed offset from minutes east of UTC (the browser gives `-getTimezoneOffset()`).
pub fn offset(minutes_east: i32) -> FixedOffset {
    FixedOffset::east_opt(minutes_east * 60).unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"))
}

/// `2026-11-25 22:05` in the given zone.
pub fn format_local(t: &Instant, minutes_east: i32) -> String {
    t.with_timezone(&offset(minutes_east)).format("%Y-%m-%d %H:%M").to_string()
}

/// `2026-11-25` in the given zone.
pub fn format_local_date(t: &Instant, minutes_east: i32) -> String {
    t.with_timezone(&offset(minutes_east)).format("%Y-%m-%d").to_string()
}

/// The UTC instant where a local calendar day (`YYYY-MM-DD`) starts.
pub fn local_day_start(date: &str, minutes_east: i32) -> Option<Instant> {
    let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let local = offset(minutes_east).from_local_datetime(&d.and_hms_opt(0, 0, 0)?).single()?;
    Some(local.with_timezone(&Utc))
}

/// The UTC instant where the local day after `date` starts (an exclusive range end).
pub fn local_day_end(date: &str, minutes_east: i32) -> Option<Instant> {
    local_day_start(date, minutes_east).map(|t| t + Duration::days(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_round_trip() {
        let t = parse_wire("2019-05-06T08:05:01Z").unwrap();
        assert_eq!(to_wire(&t), "2019-05-06T08:05:01Z");
        let t = parse_wire("2020-01-04T09:05:22.701000Z").unwrap();
        assert_eq!(to_wire(&t), "2020-01-04T09:05:22Z");
        assert!(parse_wire("2019-05-06 08:05:01").is_none());
        assert!(parse_wire("2019-05-06T08:05:01+08:00").is_none());
        assert!(parse_wire("").is_none());
    }

    #[test]
    fn shown_in_user_zone() {
        let t = parse_wire("2026-11-25T16:30:00Z").unwrap();
        assert_eq!(format_local(&t, 480), "2026-11-26 00:30");
        assert_eq!(format_local(&t, -300), "2026-11-25 11:30");
        assert_eq!(format_local_date(&t, 480), "2026-11-26");
    }

    #[test]
    fn local_day_bounds() {
        assert_eq!(to_wire(&local_day_start("2026-11-25", 480).unwrap()), "2026-11-24T16:00:00Z");
        assert_eq!(to_wire(&local_day_end("2026-11-25", 480).unwrap()), "2026-11-25T16:00:00Z");
        assert!(local_day_start("2026-13-01", 0).is_none());
    }
}
