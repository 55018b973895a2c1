"""World regions of the United Nations M49 standard (with the Americas split in two, as the
observatory reports them), by ISO 3166-1 alpha-2 code. Antarctica belongs to none."""

REGIONS = {
    "africa": (
        "DZ AO BJ BW IO BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET TF GA GM GH GN GW KE LS LR "
        "LY MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW"
    ),
    "latin_america": (
        "AI AG AR AW BS BB BZ BO BQ BV BR VG KY CL CO CR CU CW DM DO EC SV FK GF GD GP GT GY HT HN "
        "JM MQ MX MS NI PA PY PE PR BL KN LC MF VC SX GS SR TT TC UY VE VI"
    ),
    "northern_america": "BM CA GL PM US",
    "asia": (
        "AF AM AZ BH BD BT BN KH CN CY GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP "
        "KP OM PK PS PH QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE"
    ),
    "europe": (
        "AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG VA HU IS IE IM IT JE LV LI LT LU "
        "MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB"
    ),
    "oceania": (
        "AS AU CX CC CK FJ PF GU HM KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF"
    ),
}

REGION_BY_COUNTRY = {code: region for region, codes in REGIONS.items() for code in codes.split()}
