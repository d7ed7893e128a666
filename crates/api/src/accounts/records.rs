//! A3 ListPartnerAdjustRecords (allocations and reclaims, with their `trans_id`) and A5
//! ListPartnerAccountChangeRecords (every change of the partner's cash or credit account).
//! Both are GET lists: the query is declared once with `query_params!`, and both are `Paged`
//! (in `endpoints.rs`). Their amounts are strings on the wire (§1.8), read as exact decimals.

use super::{balance_type, operation_type, trade_type, MAX_ID_LEN, MAX_TRANS_ID_LEN};
use crate::money::Amount;
use crate::page::PageRequest;
use crate::time::{local_day_end, local_day_start, Instant};
use crate::validate::{bounded_time_pair, date_opt, one_of, text_opt, Violation};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A5 trade dates are calendar days in UTC+8 (minutes east of UTC).
pub const TRADE_DATE_OFFSET_MINUTES: i32 = 8 * 60;

// ---- A3 ListPartnerAdjustRecords ----

crate::query_params! {
    /// A3 query. `customer_id` may name a customer or a reseller; `operation_time_*` are UTC.
    pub struct ListPartnerAdjustRecordsRequest {
        pub customer_id: Option<String>,
        pub operation_type: Option<String>,
        pub operation_time_begin: Option<String>,
        pub operation_time_end: Option<String>,
        pub trans_id: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
        pub indirect_partner_id: Option<String>,
    }
}

/// A3 filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdjustRecordFilter {
    /// Begin inclusive, end exclusive (the sandbox's reading of "greater/less than").
    pub operation_time: (Option<Instant>, Option<Instant>),
    pub page: PageRequest,
}

impl ListPartnerAdjustRecordsRequest {
    pub fn check(&self) -> Result<AdjustRecordFilter, Violation> {
        text_opt("customer_id", self.customer_id.as_deref(), MAX_ID_LEN)?;
        if let Some(t) = &self.operation_type {
            one_of("operation_type", t, operation_type::ALL)?;
        }
        let operation_time = bounded_time_pair(
            "operation_time_begin",
            self.operation_time_begin.as_deref(),
            "operation_time_end",
            self.operation_time_end.as_deref(),
        )?;
        text_opt("trans_id", self.trans_id.as_deref(), MAX_TRANS_ID_LEN)?;
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)?;
        Ok(AdjustRecordFilter { operation_time, page })
    }
}

/// One allocation (A1), reclaim (A2) or reclaim on unbinding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdjustRecord {
    pub customer_id: String,
    #[serde(default)]
    pub customer_name: Option<String>,
    /// One of [`operation_type`].
    pub operation_type: String,
    /// A string on the wire (`"100.00"`).
    #[serde(with = "crate::money::as_string")]
    pub amount: Amount,
    pub currency: String,
    #[serde(default)]
    pub apply_scene: Option<String>,
    #[serde(with = "crate::time::wire")]
    pub operation_time: Instant,
    pub measure_id: i32,
    /// A1's `transfer_id` / A2's `trans_id`.
    pub trans_id: String,
    #[serde(default)]
    pub memo: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPartnerAdjustRecordsResponse {
    #[serde(default)]
    pub total_count: Option<u64>,
    #[serde(default)]
    pub records: Vec<AdjustRecord>,
}

// ---- A5 ListPartnerAccountChangeRecords ----

crate::query_params! {
    /// A5 query. `balance_type` is required; `trade_time_*` are dates `YYYY-MM-DD` in UTC+8
    /// (default: the last 12 months).
    pub struct ListPartnerAccountChangeRecordsRequest {
        pub balance_type: Option<String>,
        pub trade_type: Option<String>,
        pub trade_time_begin: Option<String>,
        pub trade_time_end: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
        pub indirect_partner_id: Option<String>,
    }
}

impl ListPartnerAccountChangeRecordsRequest {
    /// The cash-account records of one trade type, the first page.
    pub fn cash(trade_type: Option<&str>) -> Self {
        Self {
            balance_type: Some(balance_type::DEBIT.into()),
            trade_type: trade_type.map(String::from),
            ..Default::default()
        }
    }

    pub fn check(&self) -> Result<ChangeRecordFilter, Violation> {
        let balance = self.balance_type.as_deref().ok_or_else(|| Violation::new("balance_type", "is required"))?;
        one_of("balance_type", balance, balance_type::ALL)?;
        if let Some(t) = &self.trade_type {
            one_of("trade_type", t, trade_type::ALL)?;
        }
        let begin = date_opt("trade_time_begin", self.trade_time_begin.as_deref())?;
        let end = date_opt("trade_time_end", self.trade_time_end.as_deref())?;
        if let (Some(b), Some(e)) = (begin, end) {
            if b > e {
                return Err(Violation::new("trade_time_begin", "must not be later than the end of the range"));
            }
        }
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)?;
        Ok(ChangeRecordFilter { balance_type: balance.to_string(), trade_time: (begin, end), page })
    }
}

/// A5 filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRecordFilter {
    pub balance_type: String,
    /// Calendar days in UTC+8, both included.
    pub trade_time: (Option<NaiveDate>, Option<NaiveDate>),
    pub page: PageRequest,
}

impl ChangeRecordFilter {
    /// The UTC range the days cover: from the start of the first day (UTC+8) to the start of
    /// the day after the last (exclusive).
    pub fn utc_range(&self) -> (Option<Instant>, Option<Instant>) {
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        (
            self.trade_time.0.and_then(|d| local_day_start(&day(d), TRADE_DATE_OFFSET_MINUTES)),
            self.trade_time.1.and_then(|d| local_day_end(&day(d), TRADE_DATE_OFFSET_MINUTES)),
        )
    }
}

/// One change of the partner's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountChangeRecord {
    pub account_change_id: String,
    /// E.g. [`operation_type::ALLOCATE`]; see `trade_detail_type`.
    pub trade_detail_type: String,
    #[serde(with = "crate::time::wire")]
    pub trade_time: Instant,
    /// The A1/A2 transfer id, or the order id of a payment.
    pub trade_id: String,
    /// A string on the wire, always positive; [`AccountChangeRecord::direction`] says which way.
    #[serde(with = "crate::money::as_string")]
    pub change_amount: Amount,
    #[serde(with = "crate::money::as_string")]
    pub balance_after_change: Amount,
    /// `"1"` income, `"2"` expense (`change_direction`).
    #[serde(rename = "type")]
    pub direction: String,
    #[serde(default)]
    pub customer_id: Option<String>,
    #[serde(default)]
    pub account_name: Option<String>,
}

impl AccountChangeRecord {
    pub fn is_income(&self) -> bool {
        self.direction == super::change_direction::INCOME
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPartnerAccountChangeRecordsResponse {
    #[serde(default)]
    pub total_count: Option<u64>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub records: Vec<AccountChangeRecord>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::{ADJUST_RECORDS_PATH, CHANGE_RECORDS_PATH};

    #[test]
    fn a3_query_round_trip_and_check() {
        let q = ListPartnerAdjustRecordsRequest {
            customer_id: Some("c1".into()),
            operation_type: Some(operation_type::ALLOCATE.into()),
            operation_time_begin: Some("2026-11-20T00:00:00Z".into()),
            limit: Some(100),
            ..Default::default()
        };
        assert_eq!(
            q.url(ADJUST_RECORDS_PATH),
            "/v3/accounts/partner-accounts/adjust-records?customer_id=c1&operation_type=SOURCE_OPERATION_BEADJUST\
             &operation_time_begin=2026-11-20T00%3A00%3A00Z&limit=100"
        );
        assert_eq!(ListPartnerAdjustRecordsRequest::from_query(Some(&q.to_query_string())).unwrap(), q);
        assert_eq!(q.check().unwrap().page.limit, 100);
        let bad = |f: &dyn Fn(&mut ListPartnerAdjustRecordsRequest)| {
            let mut x = q.clone();
            f(&mut x);
            x.check().unwrap_err().parameter
        };
        assert_eq!(bad(&|x| x.operation_type = Some("ALLOCATE".into())), "operation_type");
        assert_eq!(bad(&|x| x.operation_time_begin = Some("2026-11-20".into())), "operation_time_begin");
        assert_eq!(bad(&|x| x.operation_time_end = Some("2026-11-19T00:00:00Z".into())), "operation_time_begin");
        assert_eq!(bad(&|x| x.trans_id = Some("x".repeat(129))), "trans_id");
        assert_eq!(bad(&|x| x.limit = Some(101)), "limit");
        assert_eq!(bad(&|x| x.customer_id = Some(String::new())), "customer_id");
    }

    #[test]
    fn a3_amount_is_a_string_on_the_wire() {
        let json = r#"{"total_count":1,"records":[{"customer_id":"c1","customer_name":"A","operation_type":
            "SOURCE_OPERATION_BERETRIEVE","amount":"1500.00","currency":"CNY","operation_time":"2026-11-11T02:00:00Z",
            "measure_id":1,"trans_id":"RE1"}]}"#;
        let r: ListPartnerAdjustRecordsResponse = serde_json::from_str(json).unwrap();
        assert_eq!(r.records[0].amount, Amount::from_cents(150_000));
        let back = serde_json::to_value(&r).unwrap();
        assert_eq!(back["records"][0]["amount"], "1500.00");
    }

    #[test]
    fn a5_check_requires_balance_type_and_reads_dates() {
        assert_eq!(ListPartnerAccountChangeRecordsRequest::default().check().unwrap_err().parameter, "balance_type");
        let q = ListPartnerAccountChangeRecordsRequest {
            trade_time_begin: Some("2026-11-01".into()),
            trade_time_end: Some("2026-11-20".into()),
            ..ListPartnerAccountChangeRecordsRequest::cash(Some(trade_type::BEADJUST))
        };
        assert_eq!(
            q.url(CHANGE_RECORDS_PATH),
            "/v2/accounts/partner-accounts/account-change-records?balance_type=BALANCE_TYPE_DEBIT&trade_type=BEADJUST\
             &trade_time_begin=2026-11-01&trade_time_end=2026-11-20"
        );
        let f = q.check().unwrap();
        let (b, e) = f.utc_range();
        assert_eq!(crate::time::to_wire(&b.unwrap()), "2026-10-31T16:00:00Z");
        assert_eq!(crate::time::to_wire(&e.unwrap()), "2026-11-20T16:00:00Z");
        let bad = |f: &dyn Fn(&mut ListPartnerAccountChangeRecordsRequest)| {
            let mut x = q.clone();
            f(&mut x);
            x.check().unwrap_err().parameter
        };
        assert_eq!(bad(&|x| x.balance_type = Some("CASH".into())), "balance_type");
        assert_eq!(bad(&|x| x.trade_type = Some("DEDUCT".into())), "trade_type");
        assert_eq!(bad(&|x| x.trade_time_begin = Some("2026-11-01T00:00:00Z".into())), "trade_time_begin");
        assert_eq!(bad(&|x| x.trade_time_begin = Some("2026-11-21".into())), "trade_time_begin");
        assert_eq!(bad(&|x| x.limit = Some(0)), "limit");
    }

    #[test]
    fn a5_amounts_are_strings_and_type_is_the_direction() {
        let json = r#"{"total_count":1,"currency":"CNY","records":[{"account_change_id":"AC1",
            "trade_detail_type":"SOURCE_OPERATION_BEADJUST","trade_time":"2026-11-11T02:00:00Z","trade_id":"TR1",
            "change_amount":"5000.00","balance_after_change":"1281400.00","type":"2","customer_id":"c1"}]}"#;
        let r: ListPartnerAccountChangeRecordsResponse = serde_json::from_str(json).unwrap();
        let rec = &r.records[0];
        assert_eq!((rec.change_amount, rec.is_income()), (Amount::from_cents(500_000), false));
        let back = serde_json::to_value(rec).unwrap();
        assert_eq!((back["balance_after_change"].as_str(), back["type"].as_str()), (Some("1281400.00"), Some("2")));
    }
}
