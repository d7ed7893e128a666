//! Own contract for B5 发票 (docs/contracts/invoices.md): the invoices the provider issues to a
//! service partner for its programme incentives, their five states, and 签收 (signing for a
//! mailed invoice): legal only from 待签收, never twice.

use crate::codes;
use crate::money::Amount;
use crate::profile::{partner_type, role, Profile};
use crate::time::Instant;
use serde::{Deserialize, Serialize};

pub const LIST_PATH: &str = "/v2/partners/invoices";
pub const DETAIL_ROUTE: &str = "/v2/partners/invoices/{invoice_id}";
pub const SIGN_ROUTE: &str = "/v2/partners/invoices/{invoice_id}/sign";

pub mod status {
    /// 发票开具中.
    pub const ISSUING: &str = "ISSUING";
    /// 撤销申请被驳回: the partner asked to revoke it; refused, with a reason. Still being issued.
    pub const REVOCATION_REJECTED: &str = "REVOCATION_REJECTED";
    /// 待签收: mailed; the partner signs for it on receipt.
    pub const PENDING_RECEIPT: &str = "PENDING_RECEIPT";
    /// 已开票.
    pub const INVOICED: &str = "INVOICED";
    /// 已开票(退票驳回): a return was asked for and refused; the reason when given.
    pub const INVOICED_RETURN_REJECTED: &str = "INVOICED_RETURN_REJECTED";
    pub const ALL: &[&str] = &[ISSUING, REVOCATION_REJECTED, PENDING_RECEIPT, INVOICED, INVOICED_RETURN_REJECTED];
}

pub mod invoice_type {
    /// 增值税专用发票.
    pub const VAT_SPECIAL: &str = "VAT_SPECIAL";
    /// 增值税普通发票.
    pub const VAT_NORMAL: &str = "VAT_NORMAL";
}

/// Sortable keys for `order_by` (prefix `-` for descending).
pub const SORT_KEYS: &[&str] = &["apply_time", "amount"];
pub const DEFAULT_ORDER_BY: &str = "-apply_time";

crate::query_params! {
    /// `GET /v2/partners/invoices`: the partner's invoices (service partners only).
    #[derive(serde::Serialize)]
    pub struct ListInvoicesRequest {
        /// One of [`status`].
        pub status: Option<String>,
        /// Exact invoice number.
        pub invoice_no: Option<String>,
        /// `apply_time` ≥ begin (UTC).
        pub apply_time_begin: Option<String>,
        /// `apply_time` < end (UTC).
        pub apply_time_end: Option<String>,
        pub order_by: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvoiceList {
    pub total_count: u64,
    pub invoices: Vec<Invoice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invoice {
    pub invoice_id: String,
    /// Set once issued.
    #[serde(default)]
    pub invoice_no: Option<String>,
    /// One of [`invoice_type`].
    pub invoice_type: String,
    pub title: String,
    /// The quarter of the incentive payment it belongs to, `yyyyQn`.
    pub period: String,
    pub amount: Amount,
    pub measure_id: i32,
    pub currency: String,
    /// One of [`status`].
    pub status: String,
    /// Why a revocation or a return was refused.
    #[serde(default)]
    pub reject_reason: Option<String>,
    #[serde(with = "crate::time::wire")]
    pub apply_time: Instant,
    #[serde(default, with = "crate::time::wire_opt")]
    pub mailed_time: Option<Instant>,
    #[serde(default)]
    pub express_company: Option<String>,
    #[serde(default)]
    pub tracking_no: Option<String>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub signed_time: Option<Instant>,
}

/// `GET /v2/partners/invoices/{invoice_id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShowInvoiceRequest {
    pub invoice_id: String,
}

/// `POST /v2/partners/invoices/{invoice_id}/sign` (no body): 签收. Answers the invoice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignInvoiceRequest {
    pub invoice_id: String,
}

/// What the state shows beside it (the console's own texts; the app words them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shows {
    /// 发票开具中: nothing more.
    Issuing,
    /// "发票开具中。您的撤销申请被驳回,驳回原因:…"
    RevocationRejected { reason: String },
    /// "发票已邮寄。请您在接收到发票后,及时点击操作中的'签收'按钮完成发票签收。" and 签收.
    Mailed,
    /// 已开票: "-".
    Invoiced,
    /// "驳回原因:…" only when a reason is present.
    ReturnRejected { reason: Option<String> },
}

impl Invoice {
    pub fn shows(&self) -> Shows {
        let reason = self.reject_reason.clone().filter(|r| !r.trim().is_empty());
        match self.status.as_str() {
            status::REVOCATION_REJECTED => Shows::RevocationRejected { reason: reason.unwrap_or_default() },
            status::PENDING_RECEIPT => Shows::Mailed,
            status::INVOICED => Shows::Invoiced,
            status::INVOICED_RETURN_REJECTED => Shows::ReturnRejected { reason },
            _ => Shows::Issuing,
        }
    }
}

/// Why 签收 is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignRefusal {
    /// Not mailed yet (发票开具中, 撤销申请被驳回): `CBC.50030011`.
    NotPendingReceipt,
    /// Already signed for (已开票…): `CBC.50030012`.
    AlreadySigned,
    /// An account manager, or not a service partner: 403 `CBC.0151`.
    NotAllowed,
}

impl SignRefusal {
    pub fn code(self) -> &'static str {
        match self {
            SignRefusal::NotPendingReceipt => codes::INVOICE_NOT_PENDING_RECEIPT,
            SignRefusal::AlreadySigned => codes::INVOICE_ALREADY_SIGNED,
            SignRefusal::NotAllowed => codes::ACCESS_DENIED,
        }
    }
}

/// The state after 签收 from `from`, or why not.
pub fn sign(from: &str) -> Result<&'static str, SignRefusal> {
    match from {
        status::PENDING_RECEIPT => Ok(status::INVOICED),
        status::INVOICED | status::INVOICED_RETURN_REJECTED => Err(SignRefusal::AlreadySigned),
        _ => Err(SignRefusal::NotPendingReceipt),
    }
}

/// Who sees invoices: every person of a service partner (the invoices pay programme
/// incentives, which only service partners receive).
pub fn may_view(p: &Profile) -> bool {
    p.partner_type == partner_type::SERVICE_PARTNER
}

/// Who signs for one: a service partner's administrator or supervisors (account managers read).
pub fn may_sign(p: &Profile) -> bool {
    may_view(p) && (p.role == role::ADMIN || p.role == role::SUPERVISOR)
}

/// Whether `p` may sign for an invoice in state `from` now, or why not.
pub fn sign_refusal(p: &Profile, from: &str) -> Option<SignRefusal> {
    if !may_sign(p) {
        return Some(SignRefusal::NotAllowed);
    }
    sign(from).err()
}

#[cfg(test)]
mod tests {
    use super::status::*;
    use super::*;

    fn person(pt: &str, r: &str) -> Profile {
        Profile {
            partner_id: "p".into(),
            partner_name: "P".into(),
            partner_type: pt.into(),
            user_id: "u".into(),
            user_name: "u".into(),
            display_name: "U".into(),
            role: r.into(),
            site: "cn".into(),
            account_managers: Vec::new(),
            indirect_partners: Vec::new(),
        }
    }

    #[test]
    fn signing_is_legal_only_from_pending_receipt() {
        assert_eq!(sign(PENDING_RECEIPT), Ok(INVOICED));
        assert_eq!(sign(ISSUING), Err(SignRefusal::NotPendingReceipt));
        assert_eq!(sign(REVOCATION_REJECTED), Err(SignRefusal::NotPendingReceipt));
        assert_eq!(sign(INVOICED), Err(SignRefusal::AlreadySigned));
        assert_eq!(sign(INVOICED_RETURN_REJECTED), Err(SignRefusal::AlreadySigned));
        // Never twice: the state signing leads to refuses it.
        assert_eq!(sign(sign(PENDING_RECEIPT).unwrap()), Err(SignRefusal::AlreadySigned));
        assert_eq!(SignRefusal::AlreadySigned.code(), codes::INVOICE_ALREADY_SIGNED);
    }

    #[test]
    fn who_sees_and_signs() {
        let admin = person(partner_type::SERVICE_PARTNER, role::ADMIN);
        let sup = person(partner_type::SERVICE_PARTNER, role::SUPERVISOR);
        let am = person(partner_type::SERVICE_PARTNER, role::ACCOUNT_MANAGER);
        let dist = person(partner_type::DISTRIBUTOR, role::ADMIN);
        assert!(may_view(&am) && !may_view(&dist));
        assert!(may_sign(&admin) && may_sign(&sup) && !may_sign(&am) && !may_sign(&dist));
        assert_eq!(sign_refusal(&am, PENDING_RECEIPT), Some(SignRefusal::NotAllowed));
        assert_eq!(sign_refusal(&admin, PENDING_RECEIPT), None);
        assert_eq!(sign_refusal(&admin, ISSUING), Some(SignRefusal::NotPendingReceipt));
    }

    #[test]
    fn what_each_state_shows() {
        let body = r#"{"invoice_id":"i1","invoice_no":null,"invoice_type":"VAT_SPECIAL","title":"慧通","period":"2026Q2",
            "amount":1200.00,"measure_id":1,"currency":"CNY","status":"REVOCATION_REJECTED","reject_reason":"已寄出",
            "apply_time":"2026-07-02T03:00:00Z","mailed_time":null,"signed_time":null}"#;
        let mut i: Invoice = serde_json::from_str(body).unwrap();
        assert_eq!(i.shows(), Shows::RevocationRejected { reason: "已寄出".into() });
        i.status = INVOICED_RETURN_REJECTED.into();
        assert_eq!(i.shows(), Shows::ReturnRejected { reason: Some("已寄出".into()) });
        i.reject_reason = Some(" ".into());
        assert_eq!(i.shows(), Shows::ReturnRejected { reason: None });
        for (s, shows) in [(ISSUING, Shows::Issuing), (PENDING_RECEIPT, Shows::Mailed), (INVOICED, Shows::Invoiced)] {
            i.status = s.into();
            assert_eq!(i.shows(), shows);
        }
        assert!(serde_json::to_string(&i).unwrap().contains(r#""amount":1200.00"#));
    }
}
