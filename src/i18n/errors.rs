//! Known CBC codes explained in both languages (PARTNER_API.md §1.5). Unknown codes fall
//! back to the server's own message.

use super::Locale;

const KNOWN: &[(&str, &str, &str)] = &[
    ("CBC.0100", "参数错误", "A parameter is invalid"),
    ("CBC.0101", "参数无效", "A parameter is invalid"),
    ("CBC.0150", "非法操作", "This operation is not allowed"),
    ("CBC.0151", "访问被拒绝:您没有执行此操作的权限", "Access denied: you do not have permission for this"),
    ("CBC.0154", "登录已过期或无效,请重新登录", "Your sign-in has expired or is invalid; sign in again"),
    ("CBC.0155", "请求不被允许", "The request is not allowed"),
    ("CBC.0156", "客户不属于当前站点", "The customer does not belong to this site"),
    ("CBC.0250", "请求过于频繁,请稍后再试", "Too many requests; try again shortly"),
    ("CBC.0999", "服务内部错误", "Internal service error"),
    ("CBC.5001", "当前账号不是合作伙伴", "This account is not a partner"),
    ("CBC.5002", "伙伴的客户不存在", "The partner's customer does not exist"),
    ("CBC.5023", "账号类型与关联类型不匹配", "The account type does not match the association type"),
    ("CBC.99000000", "无权操作该客户", "No permission to operate on this customer"),
    ("CBC.99000035", "该客户不是您的子客户", "This customer is not your sub-customer"),
    ("CBC.99000037", "无权操作该二级经销商", "No permission to operate on this reseller"),
    ("CBC.99005003", "余额不足", "Insufficient balance"),
    ("CBC.99008040", "操作过于频繁", "Operation too frequent"),
    ("CBC.99000012", "额度不存在或当前状态不可使用", "The quota does not exist or cannot be used now"),
    ("CBC.99000013", "额度余额不足", "The quota's remaining balance is not enough"),
    ("CBC.99000014", "推荐关系的客户不能发放", "Customers of a referral association cannot be issued coupons"),
    ("CBC.99000015", "额度当前状态不允许此操作", "The quota's status does not allow this operation"),
    ("CBC.99000017", "额度不在有效期内", "The quota is not within its validity period"),
    ("CBC.99000018", "面额低于额度允许的最小值", "The face value is below the quota's minimum"),
    ("CBC.99000019", "面额高于额度允许的最大值", "The face value is above the quota's maximum"),
    ("CBC.99000023", "适用范围超出了额度的范围", "The applicable scope goes beyond the quota's"),
    ("CBC.99000025", "不能向伙伴自身发放", "A partner cannot issue to itself"),
    ("CBC.99000045", "推荐关系的客户的券不能回收", "Coupons of referral customers cannot be reclaimed"),
    ("CBC.99000048", "券已过期、用完或已回收", "Expired, used up or reclaimed: nothing to reclaim"),
    ("CBC.50000020", "客户不在客户白名单中", "The customer is not on the customer whitelist"),
    ("CBC.50000045", "额度正在进行其他操作,请稍后重试", "The quota is busy with another operation; try again"),
    ("CBC.50010105", "该经销商正在退出,不能发放额度", "The reseller is leaving: it cannot receive quotas"),
    (
        "CBC.50000021",
        "该额度仅限用于非此经销商的客户",
        "The quota is restricted to customers that are not this reseller's",
    ),
    ("CBC.50000054", "产品不存在", "The product does not exist"),
    ("CBC.50000055", "云服务类型不存在", "The cloud service type does not exist"),
    ("401", "账号名、用户名或密码错误", "The account name, user name or password is wrong"),
];

/// The translated explanation of an error code, if it is a known one.
pub fn error_text(code: &str, locale: Locale) -> Option<&'static str> {
    KNOWN.iter().find(|(c, _, _)| *c == code).map(|(_, zh, en)| match locale {
        Locale::ZhCn => *zh,
        Locale::En => *en,
    })
}
