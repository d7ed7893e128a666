//! Own contract: the customer whitelist for voucher issuance (docs/contracts/whitelist.md).

use crate::time::Instant;
use serde::{Deserialize, Serialize};

pub const VERSIONS_PATH: &str = "/v2/partners/coupon-whitelist/versions";
pub const ENTRIES_PATH: &str = "/v2/partners/coupon-whitelist/entries";
pub const UPLOADS_PATH: &str = "/v2/partners/coupon-whitelist/uploads";
/// Opens a chunked upload (files larger than one request).
pub const CHUNKED_UPLOADS_PATH: &str = "/v2/partners/coupon-whitelist/chunked-uploads";
/// Rows in one single-shot upload, and in one chunk of a chunked upload.
pub const MAX_UPLOAD_ROWS: usize = 10_000;
/// What one file (and so one chunked upload) may hold.
pub const MAX_FILE_ROWS: usize = 200_000;
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// Chunks in one chunked upload.
pub const MAX_CHUNKS: u32 = 1_000;
/// Rows the app sends per chunk (well under the body size the server accepts).
pub const CHUNK_ROWS: usize = 5_000;

/// The whitelist's codes, in the one codes module.
pub use crate::codes;

pub mod source {
    pub const INITIAL: &str = "INITIAL";
    pub const IMPORT: &str = "IMPORT";
    pub const ROLLBACK: &str = "ROLLBACK";
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionList {
    pub total_count: u64,
    pub current_version_no: u32,
    pub versions: Vec<Version>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub version_no: u32,
    pub source: String,
    #[serde(default)]
    pub file_name: Option<String>,
    #[serde(default)]
    pub rollback_of: Option<u32>,
    pub entry_count: u64,
    pub added_count: u64,
    pub removed_count: u64,
    pub created_by: String,
    pub created_by_name: String,
    #[serde(with = "crate::time::wire")]
    pub create_time: Instant,
    #[serde(default)]
    pub remark: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryList {
    pub total_count: u64,
    pub version_no: u32,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub customer_id: String,
    pub account_name: String,
    pub customer: String,
    pub association_type: String,
    pub added_in_version: u32,
    #[serde(default)]
    pub remark: Option<String>,
}

/// One row of an imported file, as the browser read it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadRow {
    pub row_no: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadRequest {
    pub file_name: String,
    pub rows: Vec<UploadRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub row_no: u32,
    pub error_code: String,
    pub error_msg: String,
    #[serde(default)]
    pub value: Option<String>,
    /// What is wrong, machine-readable: the app words the reason from this (and the code),
    /// never from `error_msg`. Absent (an older server) reads as [`RowProblem::Other`].
    #[serde(default)]
    pub kind: RowProblem,
}

/// The kinds of a refused row (`kind` of `error_details[]`, docs/contracts/whitelist.md).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RowProblem {
    /// Neither a customer id nor an account name.
    NoKey,
    /// The id or the account name is longer than 64 characters.
    TooLong,
    /// The id, the account name or the remark holds control characters.
    ControlChars,
    /// The remark is longer than 256 characters.
    RemarkTooLong,
    /// No such customer (`CBC.5002`).
    NoCustomer,
    /// Not a sub-customer of the uploader (`CBC.99000035`).
    NotYours,
    /// A referral customer: no coupons (`CBC.99000014`).
    Referral,
    /// The same customer as an earlier row (`CBC.50000061`; `value` is that row).
    Duplicate,
    /// A customer id that is not 32 hex characters long: `value` is its length.
    IdLength,
    /// A customer id with a character that is not hex: `value` is the first one.
    IdNotHex,
    /// A customer id with a space, control or invisible character inside: `value` is `U+200B`.
    IdInvisible,
    /// An account name in the customer-id column.
    IdLooksLikeName,
    /// A spreadsheet number where text was needed: the digits past the 15th are gone.
    StoredAsNumber,
    /// A formula cell: its value is computed, not typed (`value` is the formula).
    Formula,
    /// An error value (`#N/A`, `#REF!`) in a cell.
    CellError,
    /// A date in a text column (a spreadsheet stores it as a number).
    DateCell,
    /// TRUE / FALSE in a text column.
    BoolCell,
    /// More values than the header has columns (an unquoted comma inside a value?): `value`
    /// is what is past the last column.
    ExtraFields,
    /// Malformed quotes: a quote inside an unquoted value, or text after a closing quote.
    BadQuotes,
    /// Characters damaged by an encoding (a row pasted in from a file in another encoding).
    BadEncoding,
    /// Any other problem (or a kind this app does not know yet): worded from the code.
    #[default]
    #[serde(other)]
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadResponse {
    pub upload_id: String,
    pub base_version_no: u32,
    #[serde(with = "crate::time::wire")]
    pub expires_at: Instant,
    pub total_rows: u32,
    pub valid_rows: u32,
    pub added_count: u64,
    pub removed_count: u64,
    pub unchanged_count: u64,
    /// All refused rows; `error_details` is only the first page of them (by row number, at most
    /// [`ERRORS_FIRST_PAGE`]), the rest is listed by `GET .../uploads/{upload_id}/errors`.
    #[serde(default)]
    pub error_count: u64,
    #[serde(default)]
    pub error_details: Vec<RowError>,
}

/// Row errors carried in an upload's answer (the first page of the errors listing).
pub const ERRORS_FIRST_PAGE: usize = 100;
/// Largest page of the row-errors listing (a download streams them a thousand at a time).
pub const MAX_ERRORS_LIMIT: u32 = 1_000;

/// `GET .../uploads/{upload_id}/errors`: a page of the refused rows, by row number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorPage {
    pub total_count: u64,
    pub error_details: Vec<RowError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitRequest {
    pub base_version_no: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitResponse {
    pub version_no: u32,
}

/// `POST .../chunked-uploads`: announces a file of `total_rows` rows in `chunk_count` chunks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenUploadRequest {
    pub file_name: String,
    pub total_rows: u32,
    pub chunk_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenUploadResponse {
    pub upload_id: String,
    #[serde(with = "crate::time::wire")]
    pub expires_at: Instant,
    pub max_chunk_rows: u32,
}

/// `POST .../uploads/{upload_id}/chunks`: chunk `seq` (1-based). Sending a `seq` again
/// replaces that chunk, so a retried chunk is never counted twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkRequest {
    pub seq: u32,
    pub rows: Vec<UploadRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkResponse {
    pub seq: u32,
    pub received_chunks: u32,
    pub received_rows: u32,
}

/// `POST .../uploads/{upload_id}/cancel`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelResponse {
    pub upload_id: String,
    pub cancelled: bool,
}

/// Splits the rows of a file into the chunks of a chunked upload: (seq, rows).
pub fn chunks(rows: &[UploadRow], per_chunk: usize) -> impl Iterator<Item = (u32, &[UploadRow])> {
    rows.chunks(per_chunk.max(1)).enumerate().map(|(i, c)| (i as u32 + 1, c))
}

/// `change` of the changes listing.
pub mod change {
    pub const ADDED: &str = "added";
    pub const REMOVED: &str = "removed";
    pub const UNCHANGED: &str = "unchanged";
    pub const ALL: &[&str] = &[ADDED, REMOVED, UNCHANGED];
}

/// Uploads expire this long after staging.
pub const UPLOAD_TTL_SECS: i64 = 30 * 60;

/// `GET /v2/partners/coupon-whitelist/versions`
pub type VersionsQuery = crate::page::PageQuery;

crate::query_params! {
    /// `GET /v2/partners/coupon-whitelist/entries` (`version_no` absent = current).
    pub struct EntriesQuery {
        pub version_no: Option<i64>,
        pub keyword: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

crate::query_params! {
    /// `GET /v2/partners/coupon-whitelist/uploads/{upload_id}/changes`
    pub struct ChangesQuery {
        pub change: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

/// `GET /v2/partners/coupon-whitelist/uploads/{upload_id}/errors` (`limit` ≤ [`MAX_ERRORS_LIMIT`]).
pub type ErrorsQuery = crate::page::PageQuery;

/// `POST .../versions/{version_no}/rollback` body (same shape as a commit).
pub type RollbackRequest = CommitRequest;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_rows_omit_absent_fields() {
        let r = UploadRequest {
            file_name: "wl.csv".into(),
            rows: vec![UploadRow { row_no: 2, account_name: Some("acme".into()), ..Default::default() }],
        };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"file_name":"wl.csv","rows":[{"row_no":2,"account_name":"acme"}]}"#
        );
    }

    #[test]
    fn queries() {
        let q = EntriesQuery { keyword: Some("acme co".into()), version_no: Some(2), ..Default::default() };
        assert_eq!(q.url(ENTRIES_PATH), "/v2/partners/coupon-whitelist/entries?version_no=2&keyword=acme%20co");
        assert_eq!(EntriesQuery::from_query(Some("version_no=2&keyword=acme%20co")).unwrap(), q);
        let c = ChangesQuery { change: Some(change::ADDED.into()), limit: Some(100), ..Default::default() };
        assert_eq!(c.to_query_string(), "change=added&limit=100");
    }

    #[test]
    fn row_problems_carry_a_kind_and_read_unknown_ones_as_other() {
        let e = RowError {
            row_no: 3,
            error_code: codes::DUPLICATE_ROW.into(),
            error_msg: "duplicate of row 2".into(),
            value: Some("2".into()),
            kind: RowProblem::Duplicate,
        };
        let text = serde_json::to_string(&e).unwrap();
        assert!(text.ends_with(r#""kind":"DUPLICATE"}"#), "{text}");
        assert_eq!(serde_json::from_str::<RowError>(&text).unwrap(), e);
        let old = r#"{"row_no":1,"error_code":"X","error_msg":"m"}"#;
        assert_eq!(serde_json::from_str::<RowError>(old).unwrap().kind, RowProblem::Other);
        let newer = r#"{"row_no":1,"error_code":"X","error_msg":"m","kind":"SOMETHING_NEW"}"#;
        assert_eq!(serde_json::from_str::<RowError>(newer).unwrap().kind, RowProblem::Other);
    }

    #[test]
    fn chunks_are_numbered_from_one_and_cover_every_row() {
        let rows: Vec<UploadRow> = (0..12).map(|i| UploadRow { row_no: i + 2, ..Default::default() }).collect();
        let c: Vec<(u32, usize)> = chunks(&rows, 5).map(|(s, r)| (s, r.len())).collect();
        assert_eq!(c, vec![(1, 5), (2, 5), (3, 2)]);
        assert_eq!(chunks(&[], 5).count(), 0);
    }

    #[test]
    fn version_list_parses() {
        let body = r#"{"total_count":1,"current_version_no":1,"versions":[{"version_no":1,"source":"INITIAL",
          "entry_count":40,"added_count":40,"removed_count":0,"created_by":"admin","created_by_name":"王磊",
          "create_time":"2026-10-01T02:00:00Z"}]}"#;
        let v: VersionList = serde_json::from_str(body).unwrap();
        assert_eq!(v.versions[0].file_name, None);
    }
}
