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
    ("401", "账号名、用户名或密码错误", "The account name, user name or password is wrong"),
];

/// The translated explanation of an error code, if it is a known one.
pub fn error_text(code: &str, locale: Locale) -> Option<&'static str> {
    KNOWN.iter().find(|(c, _, _)| *c == code).map(|(_, zh, en)| match locale {
        Locale::ZhCn => *zh,
        Locale::En => *en,
    })
}
