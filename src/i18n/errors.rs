//! Known CBC codes explained in both languages (PARTNER_API.md §1.5). Unknown codes fall
//! back to the server's own message. Keyed by the contract's constants, so a mistyped code
//! does not compile. Leptos-free: part of the catalog that xtask checks natively.

use super::Locale;
use partner_api::codes as c;

/// (code, zh-CN, English), one line a code.
pub const ERROR_TEXTS: &[(&str, &str, &str)] = &[
    (
        c::NETWORK,
        "无法连接到服务器。请检查网络连接后重试。",
        "Cannot reach the server. Check your connection and retry.",
    ),
    (c::TIMEOUT, "服务器没有及时响应。请稍后重试。", "The server did not answer in time. Retry in a moment."),
    (c::PARAM_ERROR, "参数错误", "A parameter is invalid"),
    (c::INVALID_PARAM, "参数无效", "A parameter is invalid"),
    (c::ILLEGAL_OPERATION, "非法操作", "This operation is not allowed"),
    (c::ACCESS_DENIED, "访问被拒绝:您没有执行此操作的权限", "Access denied: you do not have permission for this"),
    (c::TOKEN_INVALID, "登录已过期或无效,请重新登录", "Your sign-in has expired or is invalid; sign in again"),
    (c::NOT_ALLOWED, "请求不被允许", "The request is not allowed"),
    (c::CUSTOMER_NOT_ON_SITE, "客户不属于当前站点", "The customer does not belong to this site"),
    (c::THROTTLED, "请求过于频繁,请稍后再试", "Too many requests; try again shortly"),
    (c::UNKNOWN, "服务内部错误", "Internal service error"),
    (c::NOT_PARTNER, "当前账号不是合作伙伴", "This account is not a partner"),
    (c::CUSTOMER_MISSING, "伙伴的客户不存在", "The partner's customer does not exist"),
    (c::ACCOUNT_TYPE_MISMATCH, "账号类型与关联类型不匹配", "The account type does not match the association type"),
    (c::NO_CUSTOMER_PERMISSION, "无权操作该客户", "No permission to operate on this customer"),
    (c::NOT_SUB_CUSTOMER, "该客户不是您的子客户", "This customer is not your sub-customer"),
    (c::NO_RESELLER_PERMISSION, "无权操作该二级经销商", "No permission to operate on this reseller"),
    (c::INSUFFICIENT_BALANCE, "余额不足", "Insufficient balance"),
    (c::INSUFFICIENT_BALANCE_OLD, "余额不足", "Insufficient balance"),
    (
        c::NO_FUNDED_ACCOUNT,
        "该客户没有伙伴出资的账户(顾问销售客户不能调账)",
        "This customer has no partner-funded account (referral customers cannot be adjusted)",
    ),
    (c::TOO_FREQUENT, "操作过于频繁", "Operation too frequent"),
    (c::PAY_INVALID_ORDER, "订单无效,请刷新待支付订单列表。", "The order is not valid for this customer; refresh the list of pending orders."),
    (
        c::PAY_ORDER_STATUS_CHANGED,
        "订单状态已变化(可能已支付或已取消),请刷新后查看。",
        "The order's status has changed (it may have been paid or cancelled); refresh to see it.",
    ),
    (
        c::PAY_DISCOUNT_NOT_APPLICABLE,
        "所选折扣不适用于该订单;已调价的订单须按调价支付。请重新选择折扣。",
        "The chosen discount does not apply to this order (an adjusted order is paid at its adjusted price); choose again.",
    ),
    (
        c::PAY_PAST_DEADLINE,
        "订单已超过支付截止时间,无法支付。请联系客户重新下单。",
        "The order is past its payment deadline and cannot be paid; ask the customer to order again.",
    ),
    (
        c::PAY_COUPON_USED,
        "所选优惠券或储值卡已被使用或不可用,请取消勾选后重试。",
        "A chosen coupon or card is used already or not usable; untick it and try again.",
    ),
    (
        c::PAY_COUPON_WITH_DISCOUNT,
        "折扣券不能与折扣同时使用,请只选其一。",
        "A discount coupon cannot be combined with a discount; choose one of them.",
    ),
    (
        c::PAY_BELOW_COUPON_MIN_RATIO,
        "低于优惠券要求的最低折扣率,请调整所选优惠。",
        "Below the coupon's minimum discount ratio; change the chosen offers.",
    ),
    (
        c::PAY_SPEC_CHANGED,
        "资源配额、容量或规格已变化,无法支付。请让客户重新下单。",
        "The resource's quota, capacity or specification has changed; ask the customer to order again.",
    ),
    (
        c::PAY_VOUCHER_WITH_DISCOUNT_COUPON,
        "代金券与折扣券不能同时使用,请只选一种。",
        "A voucher and a discount coupon cannot be used together; choose one kind.",
    ),
    (
        c::PAY_PROJECT_FUND_QUOTA,
        "企业项目资金配额不足,请联系客户调整企业项目配额。",
        "The enterprise project's fund quota is not enough; ask the customer to raise it.",
    ),
    (
        c::PAY_MARKETPLACE_WITH_DEDICATED,
        "云商店代金券与专用代金券不能同时使用。",
        "A marketplace voucher and a dedicated voucher cannot be used together.",
    ),
    (
        c::PAY_PAST_EFFECTIVE_TIME,
        "订单已超过生效时间,无法支付。请让客户重新下单。",
        "The order is past its effective time; ask the customer to order again.",
    ),
    (c::PAY_ORG_BUDGET, "企业组织预算不足,请联系客户调整预算。", "The enterprise organisation's budget is not enough; ask the customer to adjust it."),
    (c::PAY_NO_TAX_RATE, "未配置税率,暂无法支付,请联系华为云客服。", "No tax rate is configured; contact the provider's support."),
    (
        c::PAY_USE_COMBINED_ORDER,
        "这是组合订单的子订单,请使用组合订单号支付。",
        "This is part of a combined order; pay the combined order instead.",
    ),
    (c::PAY_DAILY_LIMIT, "已达到当日交易上限,请明天再试。", "The daily transaction limit is reached; try again tomorrow."),
    (
        c::AGENCY_NOT_FOUND,
        "该客户没有对您的委托授权(推荐关系客户或不是您的客户),无法代客户操作。",
        "This customer has no agency for your partner account (a referral customer, or not yours): you cannot act for them.",
    ),
    (
        c::AGENCY_NOT_AUTHORIZED,
        "客户尚未同意代客授权(或已撤销)。请在“关联事件”中发起代客授权,待客户同意后再试。",
        "The customer has not granted (or withdrew) the act-for-customer authorisation. Request it under Association events and try again once the customer agrees.",
    ),
    (
        c::AGENCY_EXPIRED,
        "客户的代客授权已过期。请在“关联事件”中重新发起代客授权。",
        "The customer's act-for-customer authorisation has expired; request it again under Association events.",
    ),
    (
        c::CUSTOMER_TOKEN_EXPIRED,
        "代客户操作的授权已失效(已过期或被客户撤销),已停止代客操作。请重新获取授权后再试。",
        "The authorisation to act for this customer is no longer valid (expired or withdrawn), so acting has stopped. Get it again, then retry.",
    ),
    (c::QUOTA_MISSING, "额度不存在或当前状态不可使用", "The quota does not exist or cannot be used now"),
    (c::INSUFFICIENT_QUOTA, "额度余额不足", "The quota's remaining balance is not enough"),
    (
        c::ASSOCIATION_TYPE_NOT_ALLOWED,
        "推荐关系的客户不能发放",
        "Customers of a referral association cannot be issued coupons",
    ),
    (c::QUOTA_STATUS_NOT_ALLOWED, "额度当前状态不允许此操作", "The quota's status does not allow this operation"),
    (c::QUOTA_NOT_EFFECTIVE, "额度不在有效期内", "The quota is not within its validity period"),
    (c::FACE_VALUE_BELOW_MIN, "面额低于额度允许的最小值", "The face value is below the quota's minimum"),
    (c::FACE_VALUE_ABOVE_MAX, "面额高于额度允许的最大值", "The face value is above the quota's maximum"),
    (c::LIMITS_EXCEED_QUOTA, "适用范围超出了额度的范围", "The applicable scope goes beyond the quota's"),
    (c::CANNOT_ISSUE_TO_SELF, "不能向伙伴自身发放", "A partner cannot issue to itself"),
    (c::REFERRAL_NO_RECLAIM, "推荐关系的客户的券不能回收", "Coupons of referral customers cannot be reclaimed"),
    (c::EXPIRED_OR_RECLAIMED, "券已过期、用完或已回收", "Expired, used up or reclaimed: nothing to reclaim"),
    (c::NOT_WHITELISTED, "客户不在客户白名单中", "The customer is not on the customer whitelist"),
    (
        c::CONCURRENT_QUOTA_OPERATION,
        "额度正在进行其他操作,请稍后重试",
        "The quota is busy with another operation; try again",
    ),
    (c::RESELLER_EXITING, "该经销商正在退出,不能发放额度", "The reseller is leaving: it cannot receive quotas"),
    (
        c::QUOTA_RESTRICTED_TO_OTHER_CUSTOMERS,
        "该额度仅限用于非此经销商的客户",
        "The quota is restricted to customers that are not this reseller's",
    ),
    (c::PRODUCT_NOT_FOUND, "产品不存在", "The product does not exist"),
    (c::SERVICE_TYPE_NOT_FOUND, "云服务类型不存在", "The cloud service type does not exist"),
    (c::PROJECT_NOT_FOUND, "项目不存在或您无权查看", "The project does not exist or you may not see it"),
    (
        c::PROJECT_NOT_REGISTERED,
        "项目尚未报备成功,不能申请验收",
        "The project is not registered yet: acceptance cannot be applied for",
    ),
    (
        c::ACCEPTANCE_IN_REVIEW,
        "该项目的验收申请正在审核中",
        "An acceptance application of this project is being reviewed",
    ),
    (c::PROJECT_ACCEPTED, "该项目已验收", "The project has been accepted already"),
    (
        c::ILLEGAL_ACCEPTANCE_TRANSITION,
        "项目当前状态不允许该审核操作",
        "The project's state does not allow this review move",
    ),
    (c::ATTACHMENT_TYPE, "附件类型不支持", "This file type cannot be attached"),
    (c::ATTACHMENT_TOO_LARGE, "附件超过大小限制", "The file is larger than allowed"),
    (c::ATTACHMENT_NOT_FOUND, "附件不存在或已失效,请重新上传", "The attachment is unknown or gone; upload it again"),
    (c::ATTACHMENT_INCOMPLETE, "附件尚未上传完成", "An attachment has not finished uploading"),
    (c::CHUNK_OUT_OF_ORDER, "附件分片顺序错误", "An attachment chunk was sent out of order"),
    (c::HTTP_UNAUTHORIZED, "账号名、用户名或密码错误", "The account name, user name or password is wrong"),
    (c::KOO_NOT_SELECTED, "仅云商店严选伙伴可用。", "For KooGallery selected (严选) partners only."),
    (c::KOO_ORDER_NOT_FOUND, "找不到该云商店订单(或您无权查看)。请刷新订单列表。", "No such marketplace order among those you may see. Refresh the list."),
    (c::KOO_ORDER_NOT_PENDING, "该订单已不是待支付状态,不能调价。请刷新订单列表。", "The order is no longer pending payment, so its price cannot change. Refresh the list."),
    (c::KOO_ABOVE_ORIGINAL, "新价格不能高于原价。", "The new price cannot be above the original price."),
    (c::KOO_SAME_PRICE, "新价格与当前价格相同。", "The new price is the current price."),
    (c::KOO_PRICE_CHANGED, "订单价格已被他人调整。请核对当前价格后再提交。", "Someone changed the order's price meanwhile. Check the current price and send again."),
];

/// The translated explanation of an error code, if it is a known one.
pub fn error_text(code: &str, locale: Locale) -> Option<&'static str> {
    ERROR_TEXTS.iter().find(|(c, _, _)| *c == code).map(|(_, zh, en)| match locale {
        Locale::ZhCn => *zh,
        Locale::En => *en,
    })
}
