/* The message catalogue: every text a user sees, in Swedish and English,
 * in one table. Formats take the same arguments in the same order in both
 * languages so that a code can be formatted in either. */
#ifndef UF_MESSAGES_H
#define UF_MESSAGES_H

#include <stdarg.h>
#include <stddef.h>

typedef enum uf_lang { UF_LANG_SV = 0, UF_LANG_EN = 1 } uf_lang;

#define UF_MESSAGES(X) \
    /* errors (uf_error) */ \
    X(ERR_OK, "inget fel", "no error") \
    X(ERR_MEMORY, "minnet räckte inte", "out of memory") \
    X(ERR_READ, "filen kunde inte läsas", "the file could not be read") \
    X(ERR_WRITE, "filen kunde inte skrivas", "the file could not be written") \
    X(ERR_FILE_REJECTED, "filen avvisades", "the file was rejected") \
    X(ERR_PLAN, "planen är felaktig; inget har skrivits", "the plan is broken; nothing was written") \
    X(ERR_USAGE, "felaktigt anrop", "usage error") \
    X(ERR_NO_DATA, "det finns inga godkända rader att rapportera", "there are no accepted rows to report") \
    X(ERR_XLSX, "arbetsboken kunde inte skapas", "the workbook could not be created") \
    X(ERR_CAIRO, "diagrammet kunde inte ritas", "the chart could not be drawn") \
    /* severities */ \
    X(SEV_WARNING, "varning", "warning") \
    X(SEV_ERROR, "fel", "error") \
    /* whole files */ \
    X(FILE_OPEN, "filen kunde inte öppnas: %s", "the file could not be opened: %s") \
    X(ERRNO_ENOENT, "filen finns inte", "the file does not exist") \
    X(ERRNO_EACCES, "behörighet saknas", "permission denied") \
    X(ERRNO_EIO, "läsfel (in- och utmatningsfel); filen kan vara skadad eller ligga på en enhet som inte svarar", "read error (I/O error); the file may be damaged or on a device that does not respond") \
    X(ERRNO_ENOSPC, "disken är full", "the disk is full") \
    X(ERRNO_ENOTDIR, "en del av sökvägen är en fil, inte en mapp", "part of the path is a file, not a folder") \
    X(ERRNO_NOFOLDER, "mappen kunde inte skapas där", "the folder could not be created there") \
    X(ERRNO_EROFS, "filsystemet är skrivskyddat", "the file system is read-only") \
    X(ERRNO_EFBIG, "filen blev större än tillåtet", "the file grew larger than allowed") \
    X(ERRNO_OTHER, "systemfel %s", "system error %s") \
    X(FILE_SPREADSHEET, "Excel-filer läses inte och hoppas över; spara filen som CSV (\"CSV UTF-8\" eller \"CSV (semikolonavgränsad)\")", "Excel files are not read and are skipped; save the file as CSV") \
    X(FILE_IS_DIR, "är en mapp, inte en fil", "is a folder, not a file") \
    X(FILE_NOT_REGULAR, "är ingen vanlig fil", "is not a regular file") \
    X(FILE_TOO_BIG, "filen är %s MB; största tillåtna storlek är %s MB", "the file is %s MB; the largest allowed is %s MB") \
    X(FILE_EMPTY, "filen är tom", "the file is empty") \
    X(FILE_NO_DATA, "filen har en rubrikrad men inga datarader", "the file has a header line but no data rows") \
    X(FILE_NUL, "filen innehåller NUL-tecken (byte %s) och ser ut att vara en binärfil, inte CSV; spara den som CSV från Excel", "the file contains NUL characters (byte %s) and looks like a binary file, not CSV; save it as CSV from Excel") \
    X(FILE_UTF16, "filen är sparad som UTF-16 (\"Unicode-text\"); spara den som \"CSV UTF-8\" eller \"CSV (semikolonavgränsad)\"", "the file is saved as UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\" or \"CSV (semicolon delimited)\"") \
    X(FILE_ENCODING, "filen är varken UTF-8 eller Windows-1252 (ogiltig byte 0x%s vid byte %s)", "the file is neither UTF-8 nor Windows-1252 (invalid byte 0x%s at byte %s)") \
    X(FILE_CP1252, "filen är sparad i Windows-1252 och har konverterats till UTF-8; spara gärna som \"CSV UTF-8\"", "the file is saved in Windows-1252 and was converted to UTF-8; prefer \"CSV UTF-8\"") \
    X(FILE_CSV_SYNTAX, "CSV-fel: %s", "CSV error: %s") \
    X(FILE_UNCLOSED_QUOTE, "ett citattecken som börjar på rad %s avslutas aldrig", "a quote that starts on line %s is never closed") \
    X(FILE_MISSING_COLUMNS, "filen avvisas: kolumnen %s saknas (hittade kolumner: %s)", "file rejected: column %s is missing (found columns: %s)") \
    X(FILE_MISSING_COLUMNS_N, "filen avvisas: kolumnerna %s saknas (hittade kolumner: %s)", "file rejected: columns %s are missing (found columns: %s)") \
    X(FILE_DUP_COLUMN, "kolumnen %s förekommer två gånger (kolumn %s och %s)", "column %s appears twice (columns %s and %s)") \
    X(FILE_UNKNOWN_COLUMNS, "okända kolumner ignoreras: %s", "unknown columns ignored: %s") \
    /* submission rows */ \
    X(ROW_EMPTY_FIELD, "%s saknas", "%s is missing") \
    X(ROW_TOO_MANY_FIELDS, "raden har %s fält men rubrikraden har %s; kontrollera att inget värde innehåller avgränsaren utan citattecken", "the row has %s fields but the header has %s; check that no value holds the delimiter without quotes") \
    X(ROW_TOO_MANY_FIELDS_COMMA, "raden har %s fält men rubrikraden har %s; står det ett decimalkomma utan citattecken i en kommaseparerad fil?", "the row has %s fields but the header has %s; is there an unquoted decimal comma in a comma-separated file?") \
    X(ROW_BAD_YEAR, "ogiltigt år '%s'; ange ett årtal med fyra siffror, t.ex. 2025", "invalid year '%s'; give a four-digit year such as 2025") \
    X(ROW_UNKNOWN_UNIT, "okänd enhet '%s'%s", "unknown unit '%s'%s") \
    X(ROW_UNKNOWN_INDICATOR, "okänd indikator '%s'%s", "unknown indicator '%s'%s") \
    X(ROW_UNKNOWN_PARTNER, "okänd partner '%s'%s", "unknown partner '%s'%s") \
    X(SUGGEST, "; menade du '%s'?", "; did you mean '%s'?") \
    X(SUGGEST_NONE, "; se plan/%s för giltiga id", "; see plan/%s for valid ids") \
    X(ROW_NOT_NUMBER, "'%s' är inget tal; skriv t.ex. 1 250 eller 12,5", "'%s' is not a number; write e.g. 1 250 or 12.5") \
    X(ROW_EXCEL_ERROR, "'%s' är ett felvärde från Excel, inget tal", "'%s' is an Excel error value, not a number") \
    X(ROW_MIXED_SEPARATORS, "'%s' har både decimalkomma och decimalpunkt; använd bara ett av dem och mellanslag som tusentalsavgränsare", "'%s' has both a decimal comma and a decimal point; use only one of them and spaces to group thousands") \
    X(ROW_BAD_GROUPING, "'%s' har felaktig tusentalsgruppering; grupper om tre siffror, t.ex. 1 250 000", "'%s' has wrong thousands grouping; use groups of three digits, e.g. 1 250 000") \
    X(ROW_PERCENT_NOT_ALLOWED, "'%s' har procenttecken men indikatorn %s mäts i %s", "'%s' has a percent sign but indicator %s is measured in %s") \
    X(ROW_NOT_WHOLE, "%s räknas i antal och måste vara ett heltal, inte %s", "%s is counted (antal) and must be a whole number, not %s") \
    X(ROW_NEGATIVE, "%s räknas i antal och kan inte vara negativt (%s)", "%s is counted (antal) and cannot be negative (%s)") \
    X(ROW_BELOW_MIN, "%s är lägre än minsta tillåtna värde %s för %s", "%s is below the smallest allowed value %s for %s") \
    X(ROW_ABOVE_MAX, "%s är högre än största tillåtna värde %s för %s", "%s is above the largest allowed value %s for %s") \
    X(ROW_TOO_LARGE, "'%s' är orimligt stort till beloppet; största tillåtna belopp är %s", "'%s' is implausibly large in magnitude; the largest allowed is %s") \
    X(ROW_NO_VALUE, "värde saknas; räknas som ej rapporterat, inte som 0", "no value; counted as not reported, not as 0") \
    X(ROW_DUPLICATE, "samma år, enhet, indikator och partner som %s med samma värde; räknas en gång", "same year, unit, indicator and partner as %s with the same value; counted once") \
    X(PLACE_LINE, "rad %s", "line %s") \
    X(PLACE_FILE_LINE, "rad %s i %s", "line %s in %s") \
    X(ROW_CONFLICT, "motstridiga värden för %s, %s, %s%s: %s; alla %s rader avvisas, rätta till ett värde", "conflicting values for %s, %s, %s%s: %s; all %s rows rejected, correct to one value") \
    X(ROW_CONFLICT_PARTNER, ", partner %s", ", partner %s") \
    X(UNIT_NOT_REPORTED, "%s (%s) har inte rapporterat för %s", "%s (%s) has not reported for %s") \
    /* plan */ \
    X(PLAN_MISSING_FILE, "planfilen saknas (krävs)", "the plan file is missing (required)") \
    X(PLAN_DUP_ID, "id '%s' förekommer två gånger (även på rad %s)", "id '%s' appears twice (also on line %s)") \
    X(PLAN_UNKNOWN_GOAL, "indikatorn pekar på okänt mål '%s'%s", "the indicator points to unknown goal '%s'%s") \
    X(PLAN_BAD_AGGREGATION, "okänd aggregering '%s'; ange summa, medel, max eller min", "unknown aggregation '%s'; use summa, medel, max or min") \
    X(PLAN_BAD_DIRECTION, "okänd riktning '%s'; ange öka eller minska", "unknown direction '%s'; use öka or minska") \
    X(PLAN_BAD_UNIT_TYPE, "okänd enhetstyp '%s'; ange förvaltning, bolag, nämnd eller övrigt", "unknown unit type '%s'; use förvaltning, bolag, nämnd or övrigt") \
    X(PLAN_BAD_PARTNER_TYPE, "okänd partnertyp '%s'; ange vänort, nätverk eller organisation", "unknown partner type '%s'; use vänort, nätverk or organisation") \
    X(PLAN_BAD_SDG, "'%s' är inget av de globala målen 1–17", "'%s' is not one of the global goals 1–17") \
    X(PLAN_MIN_MAX, "min (%s) är större än max (%s)", "min (%s) is greater than max (%s)") \
    X(PLAN_NO_ROWS, "planfilen har inga rader", "the plan file has no rows") \
    X(PLAN_OPTIONAL_EMPTY, "filen är tom och räknas som om den saknades", "the file is empty and is treated as missing") \
    X(PLAN_BAD_ID, "ogiltigt id '%s'; använd bokstäver, siffror, bindestreck eller understreck", "invalid id '%s'; use letters, digits, hyphens or underscores") \
    X(PLAN_DUP_TARGET, "målvärde för %s, %s, %s anges två gånger (även på rad %s)", "target for %s, %s, %s is given twice (also on line %s)") \
    X(PLAN_WHOLE, "koncernen", "the municipality") \
    /* command line */ \
    X(CLI_USAGE, \
      "Användning: uppfolj KOMMANDO [FLAGGOR] [INDATA] [FIL...]\n" \
      "\n" \
      "Kommandon:\n" \
      "  validate [INDATA] [FIL...]   kontrollera planen och inrapporteringen\n" \
      "  report [INDATA]              skriv arbetsbok, CSV och PDF-rapporter\n" \
      "\n" \
      "INDATA är en mapp med plan/ och inrapportering/ (standard: inputs).\n" \
      "FIL är en eller flera inrapporteringsfiler att kontrollera mot planen\n" \
      "i stället för hela inrapportering/.\n" \
      "\n" \
      "Flaggor:\n" \
      "  --year ÅÅÅÅ         rapportår (standard: senaste året i inrapporteringen)\n" \
      "  --out MAPP          var rapporterna skrivs (standard: reports/ÅÅÅÅ)\n" \
      "  --format LISTA      xlsx,csv,pdf (standard: alla); pdf kan delas upp i\n" \
      "                      styrelserapport,enheter,diagram\n" \
      "  --strict            avvisade rader gör körningen till ett fel (status 2)\n" \
      "  --quiet             skriv bara fel och varningar, inga sammanräkningar\n" \
      "  --lang sv|en        språk för meddelanden (standard: sv)\n" \
      "  --jobs N            trådar för enhetsrapporter och diagram\n" \
      "                      (standard: en per processorkärna)\n" \
      "  --help              visa denna hjälp\n" \
      "  --version           visa versionen\n" \
      "\n" \
      "Slutstatus: 0 allt lästes utan fel (varningar tillåtna); 1 klart, men rader\n" \
      "eller filer avvisades; 2 felaktigt anrop eller allvarligt fel, inget skrivet.\n", \
      "Usage: uppfolj COMMAND [OPTIONS] [INPUTS] [FILE...]\n" \
      "\n" \
      "Commands:\n" \
      "  validate [INPUTS] [FILE...]  check the plan and the submissions\n" \
      "  report [INPUTS]              write the workbook, CSV and PDF reports\n" \
      "\n" \
      "INPUTS is a folder with plan/ and inrapportering/ (default: inputs).\n" \
      "FILE is one or more submission files to check against the plan\n" \
      "instead of all of inrapportering/.\n" \
      "\n" \
      "Options:\n" \
      "  --year YYYY         report year (default: latest year in the submissions)\n" \
      "  --out DIR           where reports go (default: reports/YYYY)\n" \
      "  --format LIST       xlsx,csv,pdf (default: all); pdf can be split into\n" \
      "                      styrelserapport,enheter,diagram\n" \
      "  --strict            rejected rows make the run fail (status 2)\n" \
      "  --quiet             print only errors and warnings, no counts\n" \
      "  --lang sv|en        language of messages (default: sv)\n" \
      "  --jobs N            threads for unit reports and diagrams\n" \
      "                      (default: one per processor core)\n" \
      "  --help              show this help\n" \
      "  --version           show the version\n" \
      "\n" \
      "Exit status: 0 everything read cleanly (warnings allowed); 1 finished, but rows\n" \
      "or files were rejected; 2 usage error or fatal error, nothing written.\n") \
    X(CLI_UNKNOWN_OPTION, "okänd flagga '%s'; se uppfolj --help", "unknown option '%s'; see uppfolj --help") \
    X(CLI_MISSING_ARG, "flaggan %s kräver ett värde", "option %s needs a value") \
    X(CLI_BAD_YEAR, "ogiltigt år '%s' till --year", "invalid year '%s' for --year") \
    X(CLI_BAD_JOBS, "ogiltigt antal trådar '%s' till --jobs; ange 1 till %s", "invalid number of threads '%s' for --jobs; give 1 to %s") \
    X(CLI_BAD_LANG, "okänt språk '%s'; ange sv eller en", "unknown language '%s'; use sv or en") \
    X(CLI_BAD_FORMAT, "okänt format '%s'; ange xlsx, csv, pdf, styrelserapport, enheter eller diagram", "unknown format '%s'; use xlsx, csv, pdf, styrelserapport, enheter or diagram") \
    X(CLI_UNKNOWN_COMMAND, "okänt kommando '%s'; ange validate eller report", "unknown command '%s'; use validate or report") \
    X(CLI_NO_COMMAND, "inget kommando angivet; se uppfolj --help", "no command given; see uppfolj --help") \
    X(CLI_NOT_FOLDER, "'%s' är ingen mapp med plan/", "'%s' is not a folder with plan/") \
    X(CLI_FILES_IN_REPORT, "report tar bara en indatamapp, inte filer ('%s')", "report takes only an input folder, not files ('%s')") \
    X(CLI_STRICT_FAIL, "--strict: %s rader eller filer avvisades; inget har skrivits", "--strict: %s rows or files were rejected; nothing was written") \
    X(CLI_YEAR_NO_DATA, "det finns ingen godkänd inrapportering för %s", "there are no accepted submissions for %s") \
    X(CLI_NO_SUBMISSIONS, "inga inrapporteringsfiler (*.csv) hittades i %s", "no submission files (*.csv) were found in %s") \
    X(CLI_COUNT_ROWS, "Rader: %s lästa, %s godkända, %s avvisade", "Rows: %s read, %s accepted, %s rejected") \
    X(CLI_COUNT_DUPLICATES, " (varav dubbletter räknade en gång: %s)", " (of which duplicates counted once: %s)") \
    X(CLI_COUNT_FILES, "Filer: %s lästa, %s avvisade", "Files: %s read, %s rejected") \
    X(CLI_COUNT_DIAGS, "Meddelanden: fel %s, varningar %s", "Messages: errors %s, warnings %s") \
    X(CLI_COVERAGE, "Inrapportering %s: %s av %s enheter", "Submissions %s: %s of %s units") \
    X(CLI_NO_FONT, "typsnittet för PDF-rapporterna hittades inte (sökte senast i %s); ange mappen med UPPFOLJ_FONT_DIR", "the font for the PDF reports was not found (last looked in %s); name the folder with UPPFOLJ_FONT_DIR") \
    X(CLI_WROTE, "Skrev %s", "Wrote %s") \
    X(CLI_ERROR_PREFIX, "uppfolj: fel: ", "uppfolj: error: ")

typedef enum uf_msg {
#define UF_MSG_ENUM(code, sv, en) UF_MSG_##code,
    UF_MESSAGES(UF_MSG_ENUM)
#undef UF_MSG_ENUM
    UF_MSG_COUNT
} uf_msg;

void uf_messages_set_lang(uf_lang lang);
uf_lang uf_messages_lang(void);
/* The raw template of a message in the current language. */
const char *uf_msg_text(uf_msg code);
/* The stable name of a code ("ROW_UNKNOWN_UNIT"), for tests and machine use. */
const char *uf_msg_name(uf_msg code);
/* Formats a message into a new malloc'ed string; NULL on out of memory.
 * Every argument is a string: callers format numbers Swedishly first. */
char *uf_msg_format(uf_msg code, ...);
char *uf_msg_vformat(uf_msg code, va_list ap);

#endif
