//! Every `CBC.*` code the console and the sandbox name, in one place (PARTNER_API.md §1.5,
//! §6–§7, and our own contracts in docs/contracts/). Code compares an error's code with these
//! constants, never with a literal; the translated texts are keyed by them too.
//! `error::codes`, `coupons::codes`, `quotas::codes` and `whitelist::codes` are this module.

/// The success code some endpoints put in 200 bodies.
pub const SUCCESS: &str = "CBC.0000";
/// Not a CBC code: an error whose body names none has its HTTP status as code
/// (`error::parse_error`); IAM answers a wrong password so.
pub const HTTP_UNAUTHORIZED: &str = "401";
/// Not a CBC code: no answer at all (connection refused or dropped, offline, DNS, CORS). The
/// browser's own message ("TypeError: Failed to fetch") is kept for support, never shown.
pub const NETWORK: &str = "NETWORK";
/// Not a CBC code: no answer within the configured timeout.
pub const TIMEOUT: &str = "TIMEOUT";

// ---- General (§1.5) ----
pub const PARAM_ERROR: &str = "CBC.0100";
pub const INVALID_PARAM: &str = "CBC.0101";
pub const ILLEGAL_OPERATION: &str = "CBC.0150";
pub const ACCESS_DENIED: &str = "CBC.0151";
pub const TOKEN_INVALID: &str = "CBC.0154";
pub const NOT_ALLOWED: &str = "CBC.0155";
pub const CUSTOMER_NOT_ON_SITE: &str = "CBC.0156";
pub const THROTTLED: &str = "CBC.0250";
pub const UNKNOWN: &str = "CBC.0999";
pub const NOT_PARTNER: &str = "CBC.5001";
pub const CUSTOMER_MISSING: &str = "CBC.5002";
pub const ACCOUNT_TYPE_MISMATCH: &str = "CBC.5023";
pub const NO_CUSTOMER_PERMISSION: &str = "CBC.99000000";
pub const NOT_SUB_CUSTOMER: &str = "CBC.99000035";
pub const NO_RESELLER_PERMISSION: &str = "CBC.99000037";
pub const INSUFFICIENT_BALANCE: &str = "CBC.99005003";
pub const TOO_FREQUENT: &str = "CBC.99008040";

// ---- Balance payment, O7 (§8) ----
pub const PAY_INVALID_ORDER: &str = "CBC.30000010";
pub const PAY_ORDER_STATUS_CHANGED: &str = "CBC.99003106";
pub const PAY_DISCOUNT_NOT_APPLICABLE: &str = "CBC.99003108";
pub const PAY_PAST_DEADLINE: &str = "CBC.99003110";
pub const PAY_COUPON_USED: &str = "CBC.99003112";
pub const PAY_COUPON_WITH_DISCOUNT: &str = "CBC.99003116";
pub const PAY_BELOW_COUPON_MIN_RATIO: &str = "CBC.99003117";
pub const PAY_SPEC_CHANGED: &str = "CBC.99003141";
pub const PAY_VOUCHER_WITH_DISCOUNT_COUPON: &str = "CBC.99003147";
pub const PAY_PROJECT_FUND_QUOTA: &str = "CBC.99003155";
pub const PAY_MARKETPLACE_WITH_DEDICATED: &str = "CBC.99003156";
pub const PAY_PAST_EFFECTIVE_TIME: &str = "CBC.99003162";
pub const PAY_ORG_BUDGET: &str = "CBC.99003198";
pub const PAY_NO_TAX_RATE: &str = "CBC.99006093";
pub const PAY_USE_COMBINED_ORDER: &str = "CBC.99000089";
pub const PAY_DAILY_LIMIT: &str = "CBC.99008056";

// ---- Acting for a customer, assume_role (§1.4; own codes, docs/contracts/act-for-customer.md) ----
/// The customer has no agency for this partner (a referral customer, or never associated).
pub const AGENCY_NOT_FOUND: &str = "IAM.1101";
/// The customer has not granted (or has withdrawn) the act-for-customer authorisation.
pub const AGENCY_NOT_AUTHORIZED: &str = "IAM.1102";
/// The customer's act-for-customer authorisation has expired.
pub const AGENCY_EXPIRED: &str = "IAM.1103";
/// Not a code of the API: the customer token was refused (401) during a call made for the
/// customer; the partner's own sign-in is untouched.
pub const CUSTOMER_TOKEN_EXPIRED: &str = "CUSTOMER_TOKEN_EXPIRED";

// ---- Coupons and quotas (§6–§7) ----
pub const QUOTA_MISSING: &str = "CBC.99000012";
pub const INSUFFICIENT_QUOTA: &str = "CBC.99000013";
pub const ASSOCIATION_TYPE_NOT_ALLOWED: &str = "CBC.99000014";
pub const QUOTA_STATUS_NOT_ALLOWED: &str = "CBC.99000015";
pub const QUOTA_NOT_EFFECTIVE: &str = "CBC.99000017";
pub const FACE_VALUE_BELOW_MIN: &str = "CBC.99000018";
pub const FACE_VALUE_ABOVE_MAX: &str = "CBC.99000019";
pub const LIMITS_EXCEED_QUOTA: &str = "CBC.99000023";
pub const CANNOT_ISSUE_TO_SELF: &str = "CBC.99000025";
pub const REFERRAL_NO_RECLAIM: &str = "CBC.99000045";
pub const EXPIRED_OR_RECLAIMED: &str = "CBC.99000048";
pub const CONCURRENT_QUOTA_OPERATION: &str = "CBC.50000045";
pub const PRODUCT_NOT_FOUND: &str = "CBC.50000054";
pub const SERVICE_TYPE_NOT_FOUND: &str = "CBC.50000055";
/// Q1: the reseller is leaving the partner.
pub const RESELLER_EXITING: &str = "CBC.50010105";
pub const QUOTA_RESTRICTED_TO_OTHER_CUSTOMERS: &str = "CBC.50000021";

// ---- The whitelist (docs/contracts/whitelist.md) ----
/// V2: the customer is not on the current whitelist.
pub const NOT_WHITELISTED: &str = "CBC.50000020";
pub const DUPLICATE_ROW: &str = "CBC.50000061";
pub const VERSION_CHANGED: &str = "CBC.50000062";
pub const UPLOAD_GONE: &str = "CBC.50000063";
pub const NO_VALID_ROWS: &str = "CBC.50000064";

// ---- Association events (own contract, docs/contracts/association-events.md) ----
/// The customer's account is frozen: no unbinding or switch.
pub const ASSOC_FROZEN: &str = "CBC.99010001";
/// The customer has valid reserved instances.
pub const ASSOC_RESERVED_INSTANCES: &str = "CBC.99010002";
/// The customer has a valid support plan.
pub const ASSOC_SUPPORT_PLAN: &str = "CBC.99010003";
/// An enterprise master account with member accounts.
pub const ASSOC_ENTERPRISE_MASTER: &str = "CBC.99010004";
/// An enterprise member account (the request goes through its master).
pub const ASSOC_ENTERPRISE_MEMBER: &str = "CBC.99010005";
/// Three requests for this customer within three months.
pub const ASSOC_TOO_MANY_REQUESTS: &str = "CBC.99010006";
/// Another request for this customer waits for the customer.
pub const ASSOC_PENDING_REQUEST: &str = "CBC.99010007";
/// The customer is no longer associated.
pub const ASSOC_NOT_ASSOCIATED: &str = "CBC.99010008";
/// A switch to the current or an unknown association type.
pub const ASSOC_SAME_TYPE: &str = "CBC.99010009";
/// The event's state does not allow this action (already handled, cancelled, lapsed).
pub const ASSOC_EVENT_STATE: &str = "CBC.99010010";
/// No such event among those this person may see.
pub const ASSOC_EVENT_MISSING: &str = "CBC.99010011";
// ---- Incentives and quarterly payment (docs/contracts/incentives.md) ----
/// The incentive does not exist or is not the partner's (the same answer for both).
pub const INCENTIVE_MISSING: &str = "CBC.50070001";
/// 确认账单: the bill was confirmed already (a retry after a lost answer lands here).
pub const BILL_ALREADY_CONFIRMED: &str = "CBC.50070002";
/// 确认账单: the incentive has no bill waiting (not passed, or already rejected).
pub const BILL_NOT_CONFIRMABLE: &str = "CBC.50070003";
/// 问题反馈: a draft incentive has nothing to give feedback on.
pub const FEEDBACK_NOT_ALLOWED: &str = "CBC.50070004";
/// The quarter does not exist (bad `YYYY-Qn` or outside the partner's incentives).
pub const QUARTER_MISSING: &str = "CBC.50070010";
/// B4: months of the quarter can still be applied for.
pub const PAYMENT_MONTHS_OPEN: &str = "CBC.50070011";
/// B4: some monthly incentive is still in preliminary review.
pub const PAYMENT_IN_REVIEW: &str = "CBC.50070012";
/// B4: no monthly incentive of the quarter passed preliminary review.
pub const PAYMENT_NONE_PASSED: &str = "CBC.50070013";
/// B4: a passed incentive's bill is not confirmed yet.
pub const PAYMENT_BILLS_UNCONFIRMED: &str = "CBC.50070014";
/// B4: the quarter's payment was applied for already.
pub const PAYMENT_ALREADY_APPLIED: &str = "CBC.50070015";
// ---- Programmes and invoices (docs/contracts/programmes.md, invoices.md) ----
/// B1/B2: the partner is not a member of the programme the endpoint belongs to.
pub const NOT_IN_PROGRAMME: &str = "CBC.50030001";
/// B2: no such benefit for this partner (not a level-1 tag certified this year in scope).
pub const BENEFIT_NOT_APPLICABLE: &str = "CBC.50030002";
/// B2: an application for this benefit is still being reviewed.
pub const APPLICATION_IN_REVIEW: &str = "CBC.50030003";
/// B2: an application for this benefit was approved; it cannot be applied for again.
pub const BENEFIT_ALREADY_APPROVED: &str = "CBC.50030004";
/// A review move that is not legal from the application's state.
pub const ILLEGAL_REVIEW_TRANSITION: &str = "CBC.50030005";
/// No such application of this partner.
pub const APPLICATION_NOT_FOUND: &str = "CBC.50030006";
/// B5: 签收 of an invoice that is not 待签收 (still being issued).
pub const INVOICE_NOT_PENDING_RECEIPT: &str = "CBC.50030011";
/// B5: the invoice was already signed for.
pub const INVOICE_ALREADY_SIGNED: &str = "CBC.50030012";
/// B5: no such invoice of this partner.
pub const INVOICE_NOT_FOUND: &str = "CBC.50030013";
// ---- D1 delivery projects (docs/contracts/projects.md) ----
/// D1: no such project the person may see.
pub const PROJECT_NOT_FOUND: &str = "CBC.50080001";
/// D1: the project is not 报备成功 (still being registered).
pub const PROJECT_NOT_REGISTERED: &str = "CBC.50080002";
/// D1: an acceptance application of the project is being reviewed.
pub const ACCEPTANCE_IN_REVIEW: &str = "CBC.50080003";
/// D1: the project was accepted already.
pub const PROJECT_ACCEPTED: &str = "CBC.50080004";
/// D1: a review move that is not legal from the project's state.
pub const ILLEGAL_ACCEPTANCE_TRANSITION: &str = "CBC.50080005";
/// D1: the attachment's file type is not accepted.
pub const ATTACHMENT_TYPE: &str = "CBC.50080010";
/// D1: the attachment is larger than allowed.
pub const ATTACHMENT_TOO_LARGE: &str = "CBC.50080011";
/// D1: no such upload of this project (unknown, another partner's or another project's).
pub const ATTACHMENT_NOT_FOUND: &str = "CBC.50080012";
/// D1: a named attachment has not received all its chunks.
pub const ATTACHMENT_INCOMPLETE: &str = "CBC.50080013";
/// D1: a chunk sent out of order (a chunk before it is missing).
pub const CHUNK_OUT_OF_ORDER: &str = "CBC.50080014";
// ---- Customer funds (R2, A1–A5) ----
/// A1 (older listing) insufficient balance; [`INSUFFICIENT_BALANCE`] is the one answered.
pub const INSUFFICIENT_BALANCE_OLD: &str = "CBC.5003";
/// A1/A2: the customer has no partner-funded account (a referral customer).
pub const NO_FUNDED_ACCOUNT: &str = "CBC.99000047";
// ---- S12 KooGallery price adjustment (own contract, docs/contracts/koogallery.md) ----
/// The partner is not a 严选 (KooGallery selected) partner: orders, price changes and records
/// are refused (the selection endpoint says why).
pub const KOO_NOT_SELECTED: &str = "CBC.50090001";
/// No such marketplace order among those this person may see (unknown, another partner's, or
/// a customer of a colleague: the same answer, so existence never leaks).
pub const KOO_ORDER_NOT_FOUND: &str = "CBC.50090002";
/// The order is not pending payment (paid, cancelled, closed, or lapsed at its expire_time).
pub const KOO_ORDER_NOT_PENDING: &str = "CBC.50090003";
/// The new price is above the order's original price.
pub const KOO_ABOVE_ORIGINAL: &str = "CBC.50090004";
/// The new price is the order's current price.
pub const KOO_SAME_PRICE: &str = "CBC.50090005";
/// 409: `expected_amount` is not the order's current price (changed by someone else meanwhile);
/// read the order again.
pub const KOO_PRICE_CHANGED: &str = "CBC.50090006";
