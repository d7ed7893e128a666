//! The whitelist calls whose path names an upload or a version (docs/contracts/whitelist.md):
//! each request carries its path parameter beside its body or query, so a call site sends
//! one value (`api.call(&SendChunk { upload_id, chunk })`) and never builds a path.

use crate::whitelist::{ChangesQuery, ChunkRequest, CommitRequest, ErrorsQuery, RollbackRequest};

pub const CHUNK_ROUTE: &str = "/v2/partners/coupon-whitelist/uploads/{upload_id}/chunks";
pub const FINISH_ROUTE: &str = "/v2/partners/coupon-whitelist/uploads/{upload_id}/finish";
pub const CANCEL_ROUTE: &str = "/v2/partners/coupon-whitelist/uploads/{upload_id}/cancel";
pub const COMMIT_ROUTE: &str = "/v2/partners/coupon-whitelist/uploads/{upload_id}/commit";
pub const CHANGES_ROUTE: &str = "/v2/partners/coupon-whitelist/uploads/{upload_id}/changes";
pub const ERRORS_ROUTE: &str = "/v2/partners/coupon-whitelist/uploads/{upload_id}/errors";
pub const ROLLBACK_ROUTE: &str = "/v2/partners/coupon-whitelist/versions/{version_no}/rollback";

/// `POST .../uploads/{upload_id}/chunks`: one chunk of a chunked upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendChunk {
    pub upload_id: String,
    pub chunk: ChunkRequest,
}

/// `POST .../uploads/{upload_id}/finish`: every chunk is in; stage the file (the preview).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinishUpload {
    pub upload_id: String,
}

/// `POST .../uploads/{upload_id}/cancel`: discard an upload being received or staged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancelUpload {
    pub upload_id: String,
}

/// `POST .../uploads/{upload_id}/commit`: the staged upload becomes the new version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitUpload {
    pub upload_id: String,
    pub commit: CommitRequest,
}

/// `GET .../uploads/{upload_id}/changes`: a page of one kind of change of a staged upload.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UploadChanges {
    pub upload_id: String,
    pub query: ChangesQuery,
}

/// `GET .../uploads/{upload_id}/errors`: a page of an upload's refused rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UploadErrors {
    pub upload_id: String,
    pub query: ErrorsQuery,
}

/// `POST .../versions/{version_no}/rollback`: a new version equal to an earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rollback {
    pub version_no: u32,
    pub body: RollbackRequest,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::Endpoint;
    use crate::whitelist::change;

    #[test]
    fn paths_carry_their_parameters_encoded() {
        let c = CancelUpload { upload_id: "u/1".into() };
        assert_eq!(c.path(), "/v2/partners/coupon-whitelist/uploads/u%2F1/cancel");
        assert_eq!(c.body(), None);
        let r = Rollback { version_no: 3, body: CommitRequest { base_version_no: 4, remark: None } };
        assert_eq!(r.path(), "/v2/partners/coupon-whitelist/versions/3/rollback");
        assert_eq!(r.body().unwrap(), r#"{"base_version_no":4}"#);
        let q = ChangesQuery { change: Some(change::ADDED.into()), limit: Some(100), ..Default::default() };
        let ch = UploadChanges { upload_id: "u1".into(), query: q };
        assert_eq!(ch.path_and_query(), "/v2/partners/coupon-whitelist/uploads/u1/changes?change=added&limit=100");
        let s = SendChunk { upload_id: "u1".into(), chunk: ChunkRequest { seq: 2, rows: vec![] } };
        assert_eq!(
            (s.path(), s.body().unwrap()),
            (CHUNK_ROUTE.replace("{upload_id}", "u1"), r#"{"seq":2,"rows":[]}"#.into())
        );
        assert_eq!([<SendChunk as Endpoint>::READ, <UploadErrors as Endpoint>::READ], [false, true]);
    }
}
