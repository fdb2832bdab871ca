"""What each role type is like at Northwind Care: its family, demand, assessment, pay and teams."""

from __future__ import annotations

from typing import Final

#: Role family of each role type: decides the pipeline, the offices and the pace.
FAMILY: Final = {
    "software_engineer": "tech",
    "data_engineer": "tech",
    "data_scientist": "tech",
    "data_analyst": "tech",
    "site_reliability_engineer": "tech",
    "product_manager": "tech",
    "product_designer": "tech",
    "sales_account_executive": "business",
    "sales_development_representative": "business",
    "customer_success_manager": "business",
    "marketing_manager": "business",
    "recruiter": "business",
    "accountant": "business",
    "registered_nurse": "clinical",
    "warehouse_associate": "hourly",
}

#: (share of requisitions, applicants per requisition relative to others).
ROLE_DEMAND: Final = {
    "software_engineer": (16, 1.6),
    "data_engineer": (5, 1.0),
    "data_scientist": (4, 1.2),
    "data_analyst": (4, 1.2),
    "site_reliability_engineer": (4, 0.8),
    "product_manager": (4, 1.4),
    "product_designer": (3, 1.2),
    "sales_account_executive": (6, 1.0),
    "sales_development_representative": (5, 1.4),
    "customer_success_manager": (5, 1.0),
    "marketing_manager": (4, 1.2),
    "recruiter": (3, 1.0),
    "accountant": (4, 0.9),
    "registered_nurse": (14, 1.1),
    "warehouse_associate": (19, 3.0),
}

#: Assessments some roles ask for: (name, minutes it takes).
ASSESSMENTS: Final = {
    "software_engineer": (("Take-home coding exercise", 240), ("Live coding session", 60)),
    "data_engineer": (("SQL and pipeline design exercise", 120),),
    "data_scientist": (("Take-home modelling case", 300), ("Statistics and SQL quiz", 45)),
    "data_analyst": (("SQL assessment", 45),),
    "site_reliability_engineer": (("Incident troubleshooting lab", 90),),
    "sales_development_representative": (("Cold email writing exercise", 30),),
    "accountant": (("Excel reconciliation test", 60),),
}

#: Base pay in US dollars: per year, or per hour for the hourly roles.
BASE_PAY: Final = {
    "software_engineer": 165_000,
    "data_engineer": 160_000,
    "data_scientist": 165_000,
    "data_analyst": 105_000,
    "site_reliability_engineer": 170_000,
    "product_manager": 170_000,
    "product_designer": 140_000,
    "sales_account_executive": 95_000,
    "sales_development_representative": 60_000,
    "customer_success_manager": 90_000,
    "marketing_manager": 120_000,
    "recruiter": 95_000,
    "accountant": 85_000,
    "registered_nurse": 48,
    "warehouse_associate": 19.5,
}
HOURLY_ROLES: Final = frozenset({"registered_nurse", "warehouse_associate"})

#: Teams within each department, used in titles, bios and messages.
TEAMS: Final = {
    "Engineering": (
        "Payments",
        "Patient App",
        "Platform",
        "Scheduling",
        "Pharmacy Systems",
        "Identity",
    ),
    "Data": ("Data Platform", "Analytics", "Machine Learning", "Clinical Insights"),
    "Product": ("Growth", "Patient Experience", "Clinician Tools"),
    "Design": ("Design Systems", "Patient App"),
    "Sales": ("Mid-Market", "Enterprise", "Health Systems"),
    "Customer Success": ("Onboarding", "Enterprise Accounts"),
    "Marketing": ("Demand Generation", "Brand", "Lifecycle"),
    "People": ("Talent Acquisition",),
    "Finance": ("Accounting", "Revenue"),
    "Clinical": ("Emergency", "ICU", "Med-Surg", "Outpatient", "Pediatrics", "Telemetry"),
    "Operations": ("Inbound", "Outbound", "Inventory Control", "Fulfilment"),
}
