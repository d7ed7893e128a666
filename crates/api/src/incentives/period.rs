//! Reconciliation periods (`YYYY-MM`) and quarters (`YYYY-Qn`), both in UTC+8 like every
//! month of the partner API (PARTNER_API.md §1.7).

use crate::time::Instant;
use chrono::{Datelike, FixedOffset, TimeZone, Utc};

/// Months and quarters begin at midnight in China (UTC+8).
pub const PERIOD_OFFSET_MINUTES: i32 = 8 * 60;

/// A month `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl Period {
    pub fn parse(s: &str) -> Option<Period> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        (1..=12).contains(&month).then_some(Period { year, month })
    }

    pub fn quarter(self) -> Quarter {
        Quarter { year: self.year, q: (self.month - 1) / 3 + 1 }
    }

    pub fn next(self) -> Period {
        if self.month == 12 {
            Period { year: self.year + 1, month: 1 }
        } else {
            Period { year: self.year, month: self.month + 1 }
        }
    }

    /// The instant the month begins (UTC+8 midnight of its 1st).
    pub fn start(self) -> Instant {
        let cn = FixedOffset::east_opt(PERIOD_OFFSET_MINUTES * 60).expect("valid offset");
        cn.with_ymd_and_hms(self.year, self.month, 1, 0, 0, 0).single().expect("valid month").with_timezone(&Utc)
    }

    /// The month an instant lies in, in UTC+8.
    pub fn of(t: &Instant) -> Period {
        let cn = FixedOffset::east_opt(PERIOD_OFFSET_MINUTES * 60).expect("valid offset");
        let local = t.with_timezone(&cn);
        Period { year: local.year(), month: local.month() }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A quarter `YYYY-Qn`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1–4.
    pub q: u32,
}

impl Quarter {
    pub fn parse(s: &str) -> Option<Quarter> {
        let (y, q) = s.split_once("-Q")?;
        if y.len() != 4 || q.len() != 1 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let q: u32 = q.parse().ok()?;
        (1..=4).contains(&q).then_some(Quarter { year: y.parse().ok()?, q })
    }

    /// Its three months, in order.
    pub fn months(self) -> [Period; 3] {
        let first = Period { year: self.year, month: (self.q - 1) * 3 + 1 };
        [first, first.next(), first.next().next()]
    }

    pub fn start(self) -> Instant {
        self.months()[0].start()
    }

    /// The 1st of the next quarter: from then on, months not applied for are given up.
    pub fn end(self) -> Instant {
        self.months()[2].next().start()
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-Q{}", self.year, self.q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_wire;

    #[test]
    fn periods_and_quarters_read_and_print() {
        let p = Period::parse("2026-03").unwrap();
        assert_eq!((p.to_string(), p.quarter().to_string()), ("2026-03".into(), "2026-Q1".into()));
        for bad in ["2026-3", "2026-13", "2026-00", "26-03", "2026/03", "２０２６-03", ""] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        let q = Quarter::parse("2026-Q4").unwrap();
        assert_eq!(q.months().map(|m| m.to_string()), ["2026-10", "2026-11", "2026-12"]);
        assert_eq!(Quarter::parse("2026-Q5"), None);
        assert_eq!(Quarter::parse("2026Q1"), None);
        assert_eq!(Period::parse("2026-12").unwrap().next().to_string(), "2027-01");
    }

    #[test]
    fn quarters_begin_at_midnight_in_china() {
        let q = Quarter::parse("2026-Q1").unwrap();
        assert_eq!(q.start(), parse_wire("2025-12-31T16:00:00Z").unwrap());
        assert_eq!(q.end(), parse_wire("2026-03-31T16:00:00Z").unwrap());
        assert_eq!(Period::of(&parse_wire("2026-03-31T16:00:00Z").unwrap()).to_string(), "2026-04");
        assert_eq!(Period::of(&parse_wire("2026-03-31T15:59:59Z").unwrap()).to_string(), "2026-03");
    }
}
