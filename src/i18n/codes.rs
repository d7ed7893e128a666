//! Labels of the contract's enum codes (industries, stages, roles…) in both languages.

use super::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Industry,
    OpportunityType,
    Confidence,
    Stage,
    Role,
    PartnerType,
    AssociationType,
}

type Table = &'static [(&'static str, &'static str, &'static str)];

const INDUSTRY: Table = &[
    ("INTERNET", "互联网", "Internet"),
    ("FINANCE", "金融", "Finance"),
    ("MANUFACTURING", "制造", "Manufacturing"),
    ("EDUCATION", "教育", "Education"),
    ("HEALTHCARE", "医疗健康", "Healthcare"),
    ("GOVERNMENT", "政府与公共事业", "Government & public sector"),
    ("RETAIL", "零售", "Retail"),
    ("ENERGY", "能源", "Energy"),
    ("LOGISTICS", "交通物流", "Transport & logistics"),
    ("GAMING", "游戏", "Gaming"),
    ("MEDIA", "媒体娱乐", "Media & entertainment"),
    ("OTHER", "其他", "Other"),
];

const OPPORTUNITY_TYPE: Table = &[
    ("NEW_CUSTOMER", "新客拓展", "New customer"),
    ("UPSELL", "存量增购", "Upsell"),
    ("MIGRATION", "迁移上云", "Cloud migration"),
    ("RENEWAL", "续约", "Renewal"),
];

const CONFIDENCE: Table = &[("LOW", "低", "Low"), ("MEDIUM", "中", "Medium"), ("HIGH", "高", "High")];

const STAGE: Table = &[
    ("LEAD", "线索", "Lead"),
    ("QUALIFIED", "需求确认", "Qualified"),
    ("SOLUTION", "方案设计", "Solution design"),
    ("NEGOTIATION", "商务谈判", "Negotiation"),
    ("WON", "赢单", "Won"),
    ("LOST", "丢单", "Lost"),
];

const ROLE: Table = &[
    ("ADMIN", "管理员", "Admin"),
    ("SUPERVISOR", "客户经理主管", "Supervisor"),
    ("ACCOUNT_MANAGER", "客户经理", "Account manager"),
];

const PARTNER_TYPE: Table = &[
    ("DISTRIBUTOR", "一级经销商", "Tier-1 distributor"),
    ("RESELLER", "二级经销商", "Tier-2 reseller"),
    ("SERVICE_PARTNER", "服务伙伴", "Service partner"),
];

const ASSOCIATION_TYPE: Table = &[("1", "顾问销售", "Referral"), ("2", "代售", "Resale"), ("3", "转售", "Reseller")];

fn table(kind: CodeKind) -> Table {
    match kind {
        CodeKind::Industry => INDUSTRY,
        CodeKind::OpportunityType => OPPORTUNITY_TYPE,
        CodeKind::Confidence => CONFIDENCE,
        CodeKind::Stage => STAGE,
        CodeKind::Role => ROLE,
        CodeKind::PartnerType => PARTNER_TYPE,
        CodeKind::AssociationType => ASSOCIATION_TYPE,
    }
}

/// The label of a code; an unknown code is shown as itself rather than hidden.
pub fn code_label(kind: CodeKind, code: &str, locale: Locale) -> String {
    table(kind)
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, zh, en)| match locale {
            Locale::ZhCn => zh.to_string(),
            Locale::En => en.to_string(),
        })
        .unwrap_or_else(|| code.to_string())
}
