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
    X(FILE_IS_DIR, "är en mapp, inte en fil", "is a folder, not a file") \
    X(FILE_NOT_REGULAR, "är ingen vanlig fil", "is not a regular file") \
    X(FILE_TOO_BIG, "filen är %s MB; största tillåtna storlek är %s MB", "the file is %s MB; the largest allowed is %s MB") \
    X(FILE_EMPTY, "filen är tom", "the file is empty") \
    X(FILE_NOTHING_REPORTED, "inget värde är ifyllt på filens %s rader; filen räknas som ej rapporterad, inte som 0", "no value is filled in on the file's %s rows; the file counts as not reported, not as 0") \
    X(FILE_NO_DATA, "filen har en rubrikrad men inga datarader", "the file has a header line but no data rows") \
    X(FILE_NUL, "filen innehåller NUL-tecken (byte %s) och ser ut att vara en binärfil, inte CSV; spara den som CSV från Excel", "the file contains NUL characters (byte %s) and looks like a binary file, not CSV; save it as CSV from Excel") \
    X(FILE_UTF16, "filen är sparad som UTF-16 (”Unicode-text”); spara den som ”CSV UTF-8” eller ”CSV (semikolonavgränsad)”", "the file is saved as UTF-16 (“Unicode text”); save it as “CSV UTF-8” or “CSV (semicolon delimited)”") \
    X(FILE_ENCODING, "filen är varken UTF-8 eller Windows-1252 (ogiltig byte 0x%s vid byte %s)", "the file is neither UTF-8 nor Windows-1252 (invalid byte 0x%s at byte %s)") \
    X(FILE_CP1252, "filen är sparad i Windows-1252 och har konverterats till UTF-8; spara gärna som ”CSV UTF-8”", "the file is saved in Windows-1252 and was converted to UTF-8; prefer “CSV UTF-8”") \
    X(FILE_CSV_SYNTAX, "CSV-fel: %s", "CSV error: %s") \
    X(FILE_UNCLOSED_QUOTE, "ett citattecken som börjar på rad %s avslutas aldrig", "a quote that starts on line %s is never closed") \
    X(FILE_MISSING_COLUMNS, "filen avvisas: kolumnen %s saknas (hittade kolumner: %s)", "file rejected: column %s is missing (found columns: %s)") \
    X(FILE_MISSING_COLUMNS_N, "filen avvisas: kolumnerna %s saknas (hittade kolumner: %s)", "file rejected: columns %s are missing (found columns: %s)") \
    X(FILE_DUP_COLUMN, "kolumnen %s förekommer två gånger (kolumn %s och %s)", "column %s appears twice (columns %s and %s)") \
    X(FILE_UNKNOWN_COLUMNS, "okända kolumner ignoreras: %s", "unknown columns ignored: %s") \
    X(FOLDER_LINK, "är en länk till en mapp och följs inte; lägg filerna i själva mappen", "is a link to a folder and is not followed; put the files in the folder itself") \
    X(FOLDER_TOO_DEEP, "mappen ligger mer än %s nivåer ner och läses inte", "the folder is more than %s levels down and is not read") \
    X(FILE_SAME_AS, "samma fil som %s; läses en gång", "the same file as %s; read once") \
    /* unit report: self-assessment and what to correct */ \
    X(UNIT_CORRECT, "Att rätta", "To correct") \
    X(UNIT_CORRECT_INTRO, "Följande i enhetens inrapportering för %s avvisades och ingår inte i någon siffra. Rätta det i filen och skicka in filen igen; platsen står som fil:rad:kolumn.", "The following in the unit's submission for %s was rejected and is in no figure. Correct it in the file and send the file in again; each place is given as file:line:column.") \
    X(PDF_CONTINUED, "%s, fortsättning", "%s, continued") \
    X(UNIT_CORRECT_NONE, "Ingenting i enhetens inrapportering för %s avvisades.", "Nothing in the unit's submission for %s was rejected.") \
    X(UNIT_REVIEW, "Att se över", "To review") \
    X(UNIT_REVIEW_INTRO, "Varningar: raderna godkändes och ingår i siffrorna, men se gärna över dem.", "Warnings: the rows were accepted and are in the figures, but do look them over.") \
    X(UNIT_COMMENTS, "Kommentarer %s", "Comments %s") \
    X(UNIT_NO_COMMENTS, "Inga kommentarer.", "No comments.") \
    X(UNIT_MISSING, "Saknas %s", "Missing %s") \
    X(UNIT_MISSING_LIST, "Inget värde för: %s.", "No value for: %s.") \
    X(UNIT_MISSING_NONE, "Alla indikatorer har ett värde.", "Every indicator has a value.") \
    /* Excel workbooks (.xlsx, .xlsm) */ \
    X(XLSX_OLE2, "filen är en gammal Excel-fil (.xls) eller en lösenordsskyddad arbetsbok; öppna den i Excel, ta bort eventuellt lösenord och spara som ”Excel-arbetsbok (*.xlsx)”", "the file is an old Excel file (.xls) or a password-protected workbook; open it in Excel, remove any password and save as “Excel Workbook (*.xlsx)”") \
    X(XLSX_ODS, "filen är ett OpenDocument-kalkylblad (.ods); spara den som ”Excel-arbetsbok (*.xlsx)” eller som CSV", "the file is an OpenDocument spreadsheet (.ods); save it as “Excel Workbook (*.xlsx)” or as CSV") \
    X(XLSX_BINARY, "filen är en binär Excel-arbetsbok (.xlsb); spara den som ”Excel-arbetsbok (*.xlsx)”", "the file is a binary Excel workbook (.xlsb); save it as “Excel Workbook (*.xlsx)”") \
    X(XLSX_NOT_WORKBOOK, "filen är ingen Excel-arbetsbok eller är skadad; öppna den i Excel och spara den som ”Excel-arbetsbok (*.xlsx)”", "the file is not an Excel workbook or is damaged; open it in Excel and save it as “Excel Workbook (*.xlsx)”") \
    X(XLSX_CONTENT_TYPE, "filen är ingen Excel-arbetsbok (innehållstypen är ”%s”); spara den som ”Excel-arbetsbok (*.xlsx)”", "the file is not an Excel workbook (its content type is “%s”); save it as “Excel Workbook (*.xlsx)”") \
    X(XLSX_PART_MISSING, "arbetsboken är skadad: delen %s saknas; öppna den i Excel och spara den igen", "the workbook is damaged: the part %s is missing; open it in Excel and save it again") \
    X(XLSX_PART_DAMAGED, "arbetsboken är skadad: delen %s kan inte packas upp (%s); öppna den i Excel och spara den igen", "the workbook is damaged: the part %s cannot be unpacked (%s); open it in Excel and save it again") \
    X(XLSX_ENCRYPTED, "arbetsboken är lösenordsskyddad (delen %s är krypterad); spara den utan lösenord", "the workbook is password-protected (the part %s is encrypted); save it without a password") \
    X(XLSX_TOO_BIG, "delen %s packas upp till mer än %s MB, vilket ingen inrapportering har; arbetsboken avvisas som skadad", "the part %s unpacks to more than %s MB, which no submission has; the workbook is rejected as damaged") \
    X(XLSX_RATIO, "delen %s packas upp till mer än %s gånger sin packade storlek, vilket ingen inrapportering har; arbetsboken avvisas som skadad", "the part %s unpacks to more than %s times its packed size, which no submission has; the workbook is rejected as damaged") \
    X(XLSX_XML, "arbetsboken är skadad: delen %s är inte giltig XML (%s på rad %s); öppna den i Excel och spara den igen", "the workbook is damaged: the part %s is not valid XML (%s on line %s); open it in Excel and save it again") \
    X(XLSX_DTD, "delen %s innehåller en DTD eller entiteter, vilket Excel aldrig skriver; arbetsboken avvisas", "the part %s holds a DTD or entities, which Excel never writes; the workbook is rejected") \
    X(XLSX_NO_SHEETS, "arbetsboken har inga kalkylblad", "the workbook has no worksheets") \
    X(XLSX_BAD_STRUCTURE, "arbetsboken är skadad: %s i delen %s; öppna den i Excel och spara den igen", "the workbook is damaged: %s in the part %s; open it in Excel and save it again") \
    X(XLSX_WHY_CELL_REF, "ogiltig cellreferens ”%s”", "invalid cell reference “%s”") \
    X(XLSX_WHY_ROW_ORDER, "rad %s kommer efter rad %s", "row %s comes after row %s") \
    X(XLSX_WHY_CELL_ORDER, "cellen %s kommer efter en cell längre till höger", "cell %s comes after a cell further right") \
    X(XLSX_WHY_SHARED_STRING, "cellen %s pekar på delad text nummer %s som inte finns", "cell %s points to shared string number %s, which does not exist") \
    X(XLSX_WHY_SHEET_REF, "bladet %s pekar på en del som inte finns", "the sheet %s points to a part that does not exist") \
    X(XLSX_WHY_SHARED_PART, "två blad pekar på samma del", "two sheets point to the same part") \
    X(XLSX_WHY_ENTRIES, "zip-arkivet har dubbla eller för många delar", "the zip archive has duplicate or too many parts") \
    X(XLSX_WHY_CRC, "kontrollsumman stämmer inte", "the checksum does not match") \
    X(XLSX_WHY_METHOD, "okänd packningsmetod", "unknown compression method") \
    X(XLSX_WHY_DATA, "packade data är felaktiga", "the packed data are invalid") \
    X(XLSX_FORMULA_NO_VALUE, "formeln i %s har inget sparat värde (filen är inte sparad i Excel); öppna filen i Excel och spara den igen", "the formula in %s has no saved value (the file was not saved in Excel); open the file in Excel and save it again") \
    X(XLSX_TRUE, "SANT", "TRUE") \
    X(XLSX_FALSE, "FALSKT", "FALSE") \
    X(XLSX_NO_TABLE, "arbetsboken har inget blad att läsa: inget blad har kolumnerna år, enhet, indikator och värde (eller år, enhet, mål och bedömning) på sin första ifyllda rad", "the workbook has no sheet to read: no sheet has the columns år, enhet, indikator and värde (or år, enhet, mål and bedömning) on its first filled-in row") \
    X(XLSX_SHEET_MISSING_COLUMNS, "bladet %s avvisas: kolumnen %s saknas (hittade kolumner: %s)", "sheet %s rejected: column %s is missing (found columns: %s)") \
    X(XLSX_SHEET_MISSING_COLUMNS_N, "bladet %s avvisas: kolumnerna %s saknas (hittade kolumner: %s)", "sheet %s rejected: columns %s are missing (found columns: %s)") \
    X(XLSX_AT_CELL, "%s: %s", "%s: %s") \
    X(XLSX_AT_ROW, "bladet %s, rad %s: %s", "sheet %s, row %s: %s") \
    X(ROW_TOO_MANY_FIELDS_SHEET, "raden har ett värde i kolumn %s, till höger om rubrikradens sista kolumn %s; ge kolumnen en rubrik eller flytta värdet in i tabellen", "the row has a value in column %s, right of the header's last column %s; give the column a heading or move the value into the table") \
    /* submission rows */ \
    X(QUOTED, "”%s”", "“%s”") /* a name or value quoted inside a message */ \
    X(ROW_EMPTY_FIELD, "%s saknas", "%s is missing") \
    X(ROW_TOO_MANY_FIELDS, "raden har %s fält men rubrikraden har %s; kontrollera att inget värde innehåller avgränsaren utan citattecken", "the row has %s fields but the header has %s; check that no value holds the delimiter without quotes") \
    X(ROW_TOO_MANY_FIELDS_COMMA, "raden har %s fält men rubrikraden har %s; står det ett decimalkomma utan citattecken i en kommaseparerad fil?", "the row has %s fields but the header has %s; is there an unquoted decimal comma in a comma-separated file?") \
    X(ROW_BAD_YEAR, "ogiltigt år ”%s”; ange ett årtal med fyra siffror från 1900 till 2100, t.ex. 2025", "invalid year “%s”; give a four-digit year from 1900 to 2100, such as 2025") \
    X(ROW_UNKNOWN_UNIT, "okänd enhet ”%s”%s", "unknown unit “%s”%s") \
    X(ROW_UNKNOWN_INDICATOR, "okänd indikator ”%s”%s", "unknown indicator “%s”%s") \
    X(ROW_UNKNOWN_PARTNER, "okänd partner ”%s”%s", "unknown partner “%s”%s") \
    X(SUGGEST, "; menade du ”%s”?", "; did you mean “%s”?") \
    X(SUGGEST_NONE, "; se plan/%s för giltiga id", "; see plan/%s for valid ids") \
    X(SUGGEST_LOOKALIKE, "; menade du ”%s”? Det ser likadant ut men ett tecken är kodat på ett annat sätt: %s", "; did you mean “%s”? It looks the same, but a character is encoded differently: %s") \
    X(LOOKALIKE_CHAR, "%s i stället för %s", "%s instead of %s") \
    X(LOOKALIKE_INVISIBLE, "ett osynligt tecken %s", "an invisible character %s") \
    X(TEXT_UNSHOWABLE, "texten innehåller %s tecken som inte kan visas (det första är %s); rapporterna visar dem som \xEF\xBF\xBD", "the text holds %s characters that cannot be shown (the first is %s); the reports show them as \xEF\xBF\xBD") \
    X(ROW_NOT_NUMBER, "”%s” är inget tal; skriv t.ex. 1 250 eller 12,5", "“%s” is not a number; write e.g. 1 250 or 12.5") \
    X(ROW_EXCEL_ERROR, "”%s” är ett felvärde från Excel, inget tal", "“%s” is an Excel error value, not a number") \
    X(ROW_MIXED_SEPARATORS, "”%s” har både decimalkomma och decimalpunkt; använd bara ett av dem och mellanslag som tusentalsavgränsare", "“%s” has both a decimal comma and a decimal point; use only one of them and spaces to group thousands") \
    X(ROW_BAD_GROUPING, "”%s” har felaktig tusentalsgruppering; grupper om tre siffror, t.ex. 1 250 000", "“%s” has wrong thousands grouping; use groups of three digits, e.g. 1 250 000") \
    X(ROW_PERCENT_NOT_ALLOWED, "”%s” har procenttecken men indikatorn %s mäts i %s", "“%s” has a percent sign but indicator %s is measured in %s") \
    X(ROW_NOT_WHOLE, "%s räknas i antal och måste vara ett heltal, inte %s", "%s is counted (antal) and must be a whole number, not %s") \
    X(ROW_NEGATIVE, "%s räknas i antal och kan inte vara negativt (%s)", "%s is counted (antal) and cannot be negative (%s)") \
    X(ROW_BELOW_MIN, "%s är lägre än det minsta tillåtna värdet (%s) för %s", "%s is below the smallest allowed value (%s) for %s") \
    X(ROW_ABOVE_MAX, "%s är högre än det största tillåtna värdet (%s) för %s", "%s is above the largest allowed value (%s) for %s") \
    X(ROW_TOO_LARGE, "”%s” är orimligt stort till beloppet; största tillåtna belopp är %s", "“%s” is implausibly large in magnitude; the largest allowed is %s") \
    X(ROW_NO_VALUE, "värde saknas; räknas som ej rapporterat, inte som 0", "no value; counted as not reported, not as 0") \
    X(ROW_DUPLICATE, "samma år, enhet, indikator och partner som %s med samma värde; räknas en gång", "same year, unit, indicator and partner as %s with the same value; counted once") \
    X(PLACE_LINE, "rad %s", "line %s") \
    X(PLACE_FILE_LINE, "rad %s i %s", "line %s in %s") \
    X(ROW_CONFLICT, "motstridiga värden för %s, %s, %s%s: %s; %s, rätta till ett värde", "conflicting values for %s, %s, %s%s: %s; %s, correct to one value") \
    X(CONFLICT_BOTH, "båda raderna avvisas", "both rows rejected") \
    X(CONFLICT_ALL, "alla %s rader avvisas", "all %s rows rejected") \
    X(ROW_CONFLICT_PARTNER, ", partner %s", ", partner %s") \
    X(ROW_NOT_APPLICABLE, "indikatorn %s gäller inte %s, bara %s (kolumnen gäller i plan/indikatorer.csv); antingen är raden eller planen fel", "indicator %s does not apply to %s, only to %s (column gäller in plan/indikatorer.csv); either the row or the plan is wrong") \
    X(ROW_NOT_APPLICABLE_NONE, "indikatorn %s gäller inte %s och inte heller någon annan enhet (kolumnen gäller i plan/indikatorer.csv); rätta planen", "indicator %s does not apply to %s nor to any other unit (column gäller in plan/indikatorer.csv); correct the plan") \
    X(LOOKALIKE_DASH, "; menade du ”%s”? Där står %s i stället för ett vanligt bindestreck (-)", "; did you mean “%s”? It has %s instead of a plain hyphen (-)") \
    X(LOOKALIKE_SPACE, "; menade du ”%s”? Där står ett hårt mellanslag (U+00A0), som inte hör hemma i ett id", "; did you mean “%s”? It has a no-break space (U+00A0), which does not belong in an id") \
    X(CHAR_EN_DASH, "ett tankstreck (–, U+2013)", "an en dash (–, U+2013)") \
    X(CHAR_EM_DASH, "ett långt tankstreck (—, U+2014)", "an em dash (—, U+2014)") \
    X(CHAR_MINUS, "ett minustecken (−, U+2212)", "a minus sign (−, U+2212)") \
    X(CHAR_HYPHEN, "ett typografiskt bindestreck (‐, U+2010)", "a typographic hyphen (‐, U+2010)") \
    X(CHAR_NB_HYPHEN, "ett hårt bindestreck (U+2011)", "a non-breaking hyphen (U+2011)") \
    X(ROW_UNKNOWN_GOAL, "okänt mål ”%s”%s", "unknown goal “%s”%s") \
    X(ROW_BAD_ASSESSMENT, "okänd bedömning ”%s”; ange uppnått, delvis uppnått eller ej uppnått (eller grön, gul, röd)", "unknown assessment “%s”; use uppnått, delvis uppnått or ej uppnått (or grön, gul, röd)") \
    X(ROW_ASSESSMENT_MISSING, "bedömning saknas men raden har text i %s; ange uppnått, delvis uppnått eller ej uppnått", "assessment missing but the row has text in %s; use uppnått, delvis uppnått or ej uppnått") \
    X(ROW_TEXT_TOO_LONG, "%s är %s tecken lång; högst %s tecken får plats och texten kortas aldrig av, så korta den själv", "%s is %s characters long; at most %s fit and the text is never cut, so shorten it") \
    X(ROW_ASSESSMENT_DUPLICATE, "samma år, enhet och mål som %s med samma bedömning och texter; räknas en gång", "same year, unit and goal as %s with the same assessment and texts; counted once") \
    X(ROW_ASSESSMENT_CONFLICT, "olika självvärderingar för %s, %s, mål %s: %s; %s, behåll en av dem", "different self-assessments for %s, %s, goal %s: %s; %s, keep one of them") \
    X(SA_WORD_NONE, "ej bedömd", "not assessed") \
    X(SA_WORD_MET, "uppnått", "achieved") \
    X(SA_WORD_PARTLY, "delvis uppnått", "partly achieved") \
    X(SA_WORD_NOT_MET, "ej uppnått", "not achieved") \
    X(ASSESS_OTHER_TEXTS, "%s med andra texter", "%s with other texts") \
    X(FILES_CP1252, "%s filer är sparade i Windows-1252 och har konverterats till UTF-8; spara gärna som ”CSV UTF-8”: %s", "%s files are saved in Windows-1252 and were converted to UTF-8; prefer “CSV UTF-8”: %s") \
    X(SUMMARY_UTF16, "texten är sparad som UTF-16 (”Unicode”) och läses inte; spara den som UTF-8 (i Anteckningar: Spara som, Kodning UTF-8)", "the text is saved as UTF-16 (“Unicode”) and is not read; save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)") \
    X(SUMMARY_ENCODING, "texten är varken UTF-8 eller Windows-1252 (byte %s) och läses inte; spara den som UTF-8 (i Anteckningar: Spara som, Kodning UTF-8)", "the text is neither UTF-8 nor Windows-1252 (byte %s) and is not read; save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)") \
    X(UNIT_NOT_REPORTED, "%s (%s) har inte rapporterat för %s", "%s (%s) has not reported for %s") \
    /* plan */ \
    X(PLAN_MISSING_FILE, "planfilen saknas (krävs)", "the plan file is missing (required)") \
    X(PLAN_DUP_ID, "id ”%s” förekommer två gånger (även på rad %s)", "id “%s” appears twice (also on line %s)") \
    X(PLAN_UNKNOWN_GOAL, "indikatorn pekar på okänt mål ”%s”%s", "the indicator points to unknown goal “%s”%s") \
    X(PLAN_BAD_AGGREGATION, "okänd aggregering ”%s”; ange summa, medel, max eller min", "unknown aggregation “%s”; use summa, medel, max or min") \
    X(PLAN_BAD_DIRECTION, "okänd riktning ”%s”; ange öka eller minska", "unknown direction “%s”; use öka or minska") \
    X(PLAN_BAD_UNIT_TYPE, "okänd enhetstyp ”%s”; ange förvaltning, bolag, nämnd eller övrigt", "unknown unit type “%s”; use förvaltning, bolag, nämnd or övrigt") \
    X(PLAN_BAD_PARTNER_TYPE, "okänd partnertyp ”%s”; ange vänort, nätverk eller organisation", "unknown partner type “%s”; use vänort, nätverk or organisation") \
    X(PLAN_BAD_SDG, "”%s” är inget av de globala målen 1–17", "“%s” is not one of the global goals 1–17") \
    X(PLAN_MIN_MAX, "min (%s) är större än max (%s)", "min (%s) is greater than max (%s)") \
    X(PLAN_NO_ROWS, "planfilen har inga rader", "the plan file has no rows") \
    X(PLAN_OPTIONAL_EMPTY, "filen är tom och räknas som om den saknades", "the file is empty and is treated as missing") \
    X(PLAN_BAD_ID, "ogiltigt id ”%s”; använd bokstäver, siffror, bindestreck eller understreck", "invalid id “%s”; use letters, digits, hyphens or underscores") \
    X(PLAN_DUP_TARGET, "målvärde för %s, %s, %s anges två gånger (även på rad %s)", "target for %s, %s, %s is given twice (also on line %s)") \
    X(PLAN_WHOLE, "kommunen", "the municipality") \
    X(PLAN_BAD_APPLIES, "”%s” i kolumnen gäller är varken en enhet eller en enhetstyp (förvaltning, bolag, nämnd, övrigt)%s", "“%s” in column gäller is neither a unit nor a unit type (förvaltning, bolag, nämnd, övrigt)%s") \
    /* the web page (styrelserapport-YYYY.html) */ \
    X(HTML_TITLE, "Uppföljning av internationell plan %s", "Follow-up of the international plan %s") \
    X(HTML_SUBTITLE, "Rapport till kommunledningsutskottet", "Report to the municipal executive committee") \
    X(HTML_SKIP, "Hoppa till innehållet", "Skip to the content") \
    X(HTML_TOC, "Innehåll", "Contents") \
    X(HTML_PRODUCED, "Framtagen %s av kommunledningskontoret.", "Produced %s by the municipal executive office.") \
    X(HTML_FACTS, "%s av %s enheter har rapporterat för %s. Inlästa rader: %s, varav %s godkända och %s avvisade.", "%s of %s units have reported for %s. Rows read: %s, of which %s accepted and %s rejected.") \
    X(HTML_PRELIMINARY, "Uppföljningen är preliminär: %s rader avvisades. Siffror som bygger på avvisade rader är märkta preliminär.", "The follow-up is preliminary: %s rows were rejected. Figures with rejected rows behind them are marked preliminary.") \
    X(HTML_SUMMARY, "Sammanfattning", "Summary") \
    X(HTML_GUIDE, "Läsanvisning", "How to read this report") \
    X(HTML_GUIDE_STATUS, "Status visas alltid med symbol och ord, aldrig bara med färg.", "A status is always shown with a symbol and a word, never by colour alone.") \
    X(HTML_GUIDE_GREEN, "värdet når målvärdet i indikatorns riktning; utan målvärde: förbättrat sedan föregående år", "the figure reaches the target in the indicator's direction; without a target: better than the year before") \
    X(HTML_GUIDE_YELLOW, "målvärdet nås inte, men värdet rörde sig åt rätt håll sedan föregående år eller nådde minst 80 %% av målvärdet (för indikatorer där lägre är bättre: 80 %% av värdet är högst målvärdet); utan målvärde: oförändrat", "the target is not reached, but the figure moved the right way since the year before or came within 80 %% (for indicators where lower is better: 80 %% of the figure is at most the target); without a target: unchanged") \
    X(HTML_GUIDE_RED, "målvärdet nås inte och värdet är längre bort än 80 %% utan att ha rört sig åt rätt håll; utan målvärde: försämrat", "the target is not reached, the figure is further off than 80 %% and did not move the right way; without a target: worse") \
    X(HTML_GUIDE_GREY, "värdet saknas, eller utan målvärde: föregående års värde saknas", "the figure is missing or, without a target, last year's figure is missing") \
    X(HTML_GUIDE_TARGET, "Målvärde: en enhet mäts mot sitt eget målvärde. En enhet utan eget målvärde mäts mot kommunens när indikatorn är ett medelvärde; tabellerna säger vilket som gäller.", "Target: a unit is measured against its own target. A unit without one is measured against the municipality's target when the indicator is an average; the tables say which applies.") \
    X(HTML_GUIDE_PRELIM, "Preliminär: minst en rad som skulle ha ingått i siffran avvisades. Siffran bygger bara på godkända rader, och antalet avvisade rader anges.", "Preliminary: at least one row that would have counted in the figure was rejected. The figure rests on the accepted rows only, and the number of rejected rows is given.") \
    X(HTML_GUIDE_MISSING, "En enhet som inte har rapporterat räknas aldrig som 0 utan lämnas utanför kommunens värde.", "A unit that has not reported is never counted as 0; it is left out of the municipality's figure.") \
    X(HTML_OVERVIEW, "Översikt %s", "Overview %s") \
    X(HTML_OVERVIEW_INTRO, "Här räknas varje måls indikatorer efter status för kommunen som helhet.", "Each goal's indicators are counted here by status for the municipality as a whole.") \
    X(HTML_OVERVIEW_CAPTION, "Indikatorer per mål och status %s", "Indicators per goal and status %s") \
    X(HTML_INDICATORS_CAPTION, "Kommunens indikatorer %s", "The municipality's indicators %s") \
    X(HTML_GOAL, "Mål %s: %s", "Goal %s: %s") \
    X(HTML_COL_GOAL, "Mål", "Goal") \
    X(HTML_COL_INDICATOR, "Indikator", "Indicator") \
    X(HTML_COL_STATUS, "Status", "Status") \
    X(HTML_COL_VALUE, "Värde", "Figure") \
    X(HTML_COL_TARGET, "Målvärde", "Target") \
    X(HTML_COL_PREVIOUS, "Föregående år", "Previous year") \
    X(HTML_COL_UNIT, "Enhet", "Unit") \
    X(HTML_COL_YEAR, "År", "Year") \
    X(HTML_COL_TYPE, "Typ", "Type") \
    X(HTML_COL_PLACE, "Plats", "Place") \
    X(HTML_COL_REASON, "Orsak", "Reason") \
    X(HTML_COL_PARTNER, "Partner", "Partner") \
    X(HTML_COL_COUNTRY, "Land", "Country") \
    X(HTML_KEY, "Kommunen %s: %s. Målvärde: %s. %s: %s.", "The municipality %s: %s. Target: %s. %s: %s.") \
    X(HTML_MEASURE, "Måttenhet: %s. %s", "Unit of measure: %s. %s") \
    X(HTML_HIGHER_BETTER, "Högre är bättre.", "Higher is better.") \
    X(HTML_LOWER_BETTER, "Lägre är bättre.", "Lower is better.") \
    X(HTML_NONE, "saknas", "none") \
    X(HTML_TREND_TITLE, "%s: kommunen över tid", "%s: the municipality over time") \
    X(HTML_TREND_DESC, "Linjediagram över kommunens värde per år, %s–%s, med målvärdet som streckad linje. Siffrorna finns i tabellen efter diagrammet.", "Line chart of the municipality's figure per year, %s–%s, with the target as a dashed line. The figures are in the table after the chart.") \
    X(HTML_TREND_CAPTION, "%s: kommunen per år", "%s: the municipality per year") \
    X(HTML_BARS_TITLE, "%s: enheterna %s", "%s: the units %s") \
    X(HTML_BARS_DESC, "Stapeldiagram över enheternas värden %s, störst först; enheter utan värde listas utan stapel. Alla enheter finns i tabellen efter diagrammet.", "Bar chart of the units' figures %s, largest first; units without a figure are listed without a bar. Every unit is in the table after the chart.") \
    X(HTML_BARS_CAPTION, "%s: enheterna %s", "%s: the units %s") \
    X(HTML_BARS_OTHERS, "Övriga %s enheter (se tabellen)", "%s other units (see the table)") \
    X(HTML_TARGET_OWN, "enhetens eget", "the unit's own") \
    X(HTML_TARGET_MUNICIPAL, "kommunens", "the municipality's") \
    X(HTML_NOT_REPORTED, "har inte rapporterat", "has not reported") \
    X(HTML_COMMENTS, "Kommentarer från enheterna %s", "Comments from the units %s") \
    X(HTML_NO_COMMENTS, "Inga kommentarer.", "No comments.") \
    X(HTML_COVERAGE, "Rapportering per år", "Reporting per year") \
    X(HTML_COVERAGE_INTRO, "En enhet har rapporterat ett år när minst en av dess rader med värde för året godkändes.", "A unit has reported for a year when at least one of its rows with a figure for that year was accepted.") \
    X(HTML_COVERAGE_YEAR, "%s: %s av %s enheter har rapporterat", "%s: %s of %s units have reported") \
    X(HTML_COVERAGE_CAPTION, "Rapportering per enhet och år", "Reporting per unit and year") \
    X(HTML_REPORTED, "rapporterat", "reported") \
    X(HTML_MISSING, "saknas", "missing") \
    X(HTML_PARTNERS, "Partner och aktivitet", "Partners and activity") \
    X(HTML_PARTNERS_INTRO, "Antal godkända rader per år som nämner partnern. En registrerad partner utan aktivitet de två senaste redovisade åren listas för översyn.", "Accepted rows per year that name the partner. A registered partner with no activity in the last two reported years is listed for review.") \
    X(HTML_PARTNERS_CAPTION, "Aktivitet per partner och år", "Activity per partner and year") \
    X(HTML_REVIEW, "avtalet bör ses över", "the agreement should be reviewed") \
    X(HTML_NO_PARTNERS, "Planen har inga registrerade partner.", "The plan has no registered partners.") \
    X(HTML_REJECTED, "Avvisat underlag", "Rejected rows and files") \
    X(HTML_REJECTED_INTRO, "Rader och filer som inte kunde godkännas, med fil, rad och kolumn. De ingår inte i någon siffra i rapporten.", "Rows and files that could not be accepted, with file, line and column. They are in no figure of this report.") \
    X(HTML_REJECTED_COUNTS, "Lästa rader: %s; godkända: %s; avvisade: %s; dubbletter räknade en gång: %s; avvisade filer: %s.", "Rows read: %s; accepted: %s; rejected: %s; duplicates counted once: %s; files rejected: %s.") \
    X(HTML_REJECTED_CAPTION, "Avvisade rader och filer", "Rejected rows and files") \
    X(HTML_NONE_REJECTED, "Inga rader eller filer avvisades.", "No rows or files were rejected.") \
    X(HTML_COL_SOURCE, "Målvärdet avser", "Target is") \
    X(HTML_ASSESSMENTS, "Enheternas självvärdering %s", "The units' self-assessments %s") \
    X(HTML_ASSESSMENTS_INTRO, "Varje enhets egen bedömning av målen, med analys och planerade åtgärder. Där bedömningen avviker från enhetens siffror står det; rapporten ändrar ingen av dem.", "Each unit's own assessment of the goals, with its analysis and planned actions. Where the assessment differs from the unit's figures it says so; the report changes neither.") \
    X(HTML_NO_ASSESSMENTS, "Inga självvärderingar lämnades.", "No self-assessments were handed in.") \
    X(HTML_ASSESS_DIFFERS, "Avviker från enhetens siffror: %s gröna och %s röda indikatorer under målet.", "Differs from the unit's figures: %s green and %s red indicators under the goal.") \
    X(HTML_ANALYSIS, "Analys", "Analysis") \
    X(HTML_ACTIONS, "Åtgärder", "Actions") \
    X(HTML_LEGEND_SERIES, "kommunens värde", "the municipality's figure") \
    X(HTML_LEGEND_TARGET, "målvärde", "target") \
    X(HTML_LEGEND_OWN, "enhetens eget målvärde", "the unit's own target") \
    X(HTML_LEGEND_WHOLE, "kommunens målvärde", "the municipality's target") \
    X(HTML_GENERATOR, "Skapad med uppfolj %s.", "Made with uppfolj %s.") \
    /* PDF alternative texts and structure (tags) */ \
    X(ALT_UNITS, "Enheternas värden %s, störst först: %s", "The units' values %s, largest first: %s") \
    X(ALT_UNIT_VALUE, "%s %s (%s)", "%s %s (%s)") \
    X(ALT_UNITS_NO_VALUE, "; inget värde: %s", "; no value: %s") \
    X(ALT_UNITS_NOT_REPORTED, "; har inte rapporterat: %s", "; not reported: %s") \
    X(ALT_UNITS_MORE, "; och %s enheter till", "; and %s more units") \
    X(ALT_UNITS_NONE, "Indikatorn gäller ingen enhet", "The indicator applies to no unit") \
    X(ALT_WHOLE_TARGET, "; kommunens målvärde %s", "; the municipality's target %s") \
    X(ALT_GOAL_COUNTS, "Indikatorer per mål efter status %s: %s", "Indicators per goal by status %s: %s") \
    X(ALT_GOAL, "mål %s, %s: %s", "goal %s, %s: %s") \
    X(ALT_GOAL_EMPTY, "inga indikatorer", "no indicators") \
    X(ALT_COUNT, "%s %s", "%s %s") \
    X(ALT_OVERVIEW, "Översikt %s: %s", "Overview %s: %s") \
    X(ALT_OVERVIEW_INDICATOR, "%s: %s, värde %s, målvärde %s, %s: %s", "%s: %s, value %s, target %s, %s: %s") \
    X(ALT_OVERVIEW_NO_TARGET, "%s: %s, värde %s, inget målvärde, %s: %s", "%s: %s, value %s, no target, %s: %s") \
    X(ALT_PARTNERS, "Godkända rader per partner %s: %s", "Accepted rows per partner %s: %s") \
    X(ALT_PARTNER_REVIEW, " (avtalet bör ses över)", " (agreement to review)") \
    X(ALT_PARTNERS_MORE, "; och %s partner till, varav %s bör ses över", "; and %s more partners, %s of them to review") \
    X(ALT_PARTNERS_NONE, "Inga registrerade partner", "No registered partners") \
    X(ALT_LIST_SEP, ", ", ", ") \
    /* board report (PDF) */ \
    X(PDF_AUTHOR, "Kommunledningskontoret", "Municipal executive office") \
    X(PDF_PAGE_OF, "Sida %s av %s", "Page %s of %s") \
    X(GOAL_ID, "Mål %s", "Goal %s") \
    X(BOARD_COVER_TITLE, "Uppföljning av internationell plan", "Follow-up of the international plan") \
    X(BOARD_SUBJECT, "Rapport till kommunledningsutskottet om %s års uppföljning", "Report to the municipal executive committee on the follow-up of %s") \
    X(BOARD_COVER_REPORTED, "%s av %s enheter har rapporterat för %s.", "%s of %s units have reported for %s.") \
    X(BOARD_COVER_ROWS, "Inlästa rader: %s, varav %s godkända och %s avvisade.", "Rows read: %s, of which %s accepted and %s rejected.") \
    X(BOARD_COVER_PLAN, "Planen: %s mål, %s indikatorer, %s enheter, %s registrerade partner.", "The plan: %s goals, %s indicators, %s units, %s registered partners.") \
    X(BOARD_ASSESS_TITLE, "%s: mål %s", "%s: goal %s") \
    X(BOARD_OVERVIEW, "Översikt", "Overview") \
    X(BOARD_OVERVIEW_TITLE, "Översikt %s: måluppfyllelse per mål", "Overview %s: attainment by goal") \
    X(BOARD_OVERVIEW_INDICATORS, "Indikatorer per mål", "Indicators by goal") \
    X(BOARD_AGG_SUM, "summan av enheternas värden", "the sum of the units' figures") \
    X(BOARD_AGG_MEAN, "medelvärdet av enheternas värden", "the mean of the units' figures") \
    X(BOARD_AGG_MAX, "högsta värdet bland enheterna", "the highest figure among the units") \
    X(BOARD_AGG_MIN, "lägsta värdet bland enheterna", "the lowest figure among the units") \
    X(BOARD_CHANGE_NONE, "förändring kan inte beräknas", "the change cannot be computed") \
    X(BOARD_CHANGE_POINTS, "%s%s procentenheter", "%s%s percentage points") \
    X(BOARD_KEY, "Kommunen %s: %s · målvärde %s · %s: %s, %s", "The municipality %s: %s · target %s · %s: %s, %s") \
    X(BOARD_KEY_HOW, "Kommunens värde är %s (%s, måttenhet %s) · %s av %s enheter har rapporterat %s.", "The municipality's figure is %s (%s, unit of measure %s) · %s of %s units reported for %s.") \
    X(BOARD_HIGHER_BETTER, "högre är bättre", "higher is better") \
    X(BOARD_LOWER_BETTER, "lägre är bättre", "lower is better") \
    X(BOARD_COVERAGE_SECTION, "Rapportering", "Reporting") \
    X(BOARD_COVERAGE_COUNT, "%s av %s enheter har rapporterat", "%s of %s units have reported") \
    X(BOARD_COVERAGE_INTRO, "En enhet har rapporterat ett år när minst en av dess rader för året godkändes. En enhet som inte rapporterat räknas aldrig som 0 utan lämnas utanför kommunens värde.", "A unit has reported for a year when at least one of its rows for that year was accepted. A unit that has not reported is never counted as 0; it is left out of the municipality's figure.") \
    X(BOARD_COVERAGE_ALL, "Alla enheter har rapporterat alla år.", "Every unit has reported every year.") \
    X(BOARD_PARTNER_SECTION, "Partner", "Partners") \
    X(BOARD_LAST_ACTIVE, "senast aktiv %s", "last active %s") \
    X(BOARD_NO_ACTIVITY, "ingen rapporterad aktivitet", "no reported activity") \
    X(BOARD_NO_COUNTRY, "land saknas", "country missing") \
    X(BOARD_REVIEW_LINE, "%s (%s, %s): %s – avtalet bör ses över", "%s (%s, %s): %s – the agreement should be reviewed") \
    X(BOARD_REVIEW_TITLE, "Avtal att se över: %s partner utan aktivitet %s", "Agreements to review: %s partners without activity %s") \
    X(BOARD_REVIEW_NONE, "Alla registrerade partner har haft aktivitet.", "Every registered partner has had activity.") \
    X(BOARD_APPENDIX_SECTION, "Bilaga", "Appendix") \
    X(BOARD_APPENDIX_TITLE, "Bilaga: avvisat underlag", "Appendix: rejected rows and files") \
    X(BOARD_APPENDIX_INTRO, "Rader och filer som inte kunde godkännas, med fil, rad och kolumn. De ingår inte i någon siffra i rapporten. Varningar (till exempel teckenkodning) finns i arbetsboken.", "Rows and files that could not be accepted, with file, line and column. They are in no figure of this report. Warnings (on character encoding, for example) are in the workbook.") \
    X(BOARD_APPENDIX_COUNTS, "Lästa rader: %s · godkända: %s · avvisade: %s · dubbletter räknade en gång: %s · avvisade filer: %s", "Rows read: %s · accepted: %s · rejected: %s · duplicates counted once: %s · files rejected: %s") \
    /* unit report (PDF) */ \
    X(UNITREP_TITLE, "Uppföljning av internationell plan %s: %s", "Follow-up of the international plan %s: %s") \
    X(UNITREP_SUBJECT, "Enhetsrapport för %s", "Unit report for %s") \
    X(UNITREP_KIND, "Enhetsrapport %s · %s · id %s", "Unit report %s · %s · id %s") \
    X(UNITREP_REPORTED, "Rapporterat:", "Reported:") \
    X(UNITREP_YES, "ja", "yes") \
    X(UNITREP_NO, "nej", "no") \
    X(UNITREP_NOT_REPORTED, "%s: %s%s%s. Enhetens värden saknas nedan och lämnas utanför kommunens siffror; de räknas inte som 0.", "%s: %s%s%s. The unit's figures are missing below and left out of the municipality's figures; they do not count as 0.") \
    X(UNITREP_STATUS, "Status %s:", "Status %s:") \
    X(UNITREP_NOTE, "Enhetens värden jämförs med enhetens eget målvärde, för medelvärden annars med kommunens; utan målvärde beskriver statusen utvecklingen sedan förra året. Andel: enhetens del av kommunens summa. ", "The unit's figures are compared with its own target or, for averages, with the municipality's; without a target the status describes the trend since last year. Share: the unit's part of the municipality's sum. ") \
    X(UNITREP_COL_CHANGE, "Förändring", "Change") \
    X(UNITREP_COL_OWN_1, "Målvärde", "Target") \
    X(UNITREP_COL_OWN_2, "(eget/kommunens)", "(own/municipal)") \
    X(UNITREP_COL_WHOLE_TARGET_1, "Kommunens", "Municipal") \
    X(UNITREP_COL_WHOLE_TARGET_2, "målvärde", "target") \
    X(UNITREP_COL_WHOLE, "Kommunen", "Municipality") \
    X(UNITREP_COL_SHARE_1, "Andel av", "Share of") \
    X(UNITREP_COL_SHARE_2, "kommunen", "total") \
    X(UNITREP_CHANGE_POINTS, "%s%s\xC2\xA0%%-enheter", "%s%s\xC2\xA0pp") \
    X(UNITREP_INDICATORS, "Indikatorer", "Indicators") \
    X(UNITREP_INDICATORS_STATUS, "Indikatorer och status", "Indicators and status") \
    /* charts */ \
    X(CHART_TREND_HEADING, "Kommunen över tid", "The municipality over time") \
    X(CHART_BARS_HEADING, "Enheterna %s", "The units %s") \
    X(CHART_LEGEND_SERIES, "Kommunens utfall (punkt i statusfärg)", "The municipality's figure (dot in status colour)") \
    X(CHART_LEGEND_TARGET, "Målvärde ◆", "Target ◆") \
    X(CHART_LEGEND_OWN, "Enhetens målvärde", "The unit's target") \
    X(CHART_LEGEND_WHOLE, "Kommunens målvärde", "The municipality's target") \
    X(CHART_NO_DATA_YEARS, "Underlag saknas för alla år", "No data for any year") \
    X(CHART_POINT_MISSING, "uppgift saknas", "no data") \
    X(CHART_BAR_OTHERS, "Övriga %s enheter", "%s other units") \
    X(CHART_WHOLE_TARGET, "Kommunens målvärde %s", "The municipality's target %s") \
    X(CHART_NO_UNITS, "Planen har inga enheter", "The plan has no units") \
    X(CHART_OVERVIEW_TARGET, "%s · målvärde %s · %s: %s", "%s · target %s · %s: %s") \
    X(CHART_OVERVIEW_NO_TARGET, "%s · inget målvärde · %s: %s", "%s · no target · %s: %s") \
    X(CHART_NO_INDICATORS, "Inga indikatorer", "No indicators") \
    X(CHART_PARTNER_HEAD, "Partner (land)", "Partner (country)") \
    X(CHART_PARTNER_AGREEMENT, "Avtalet", "Agreement") \
    X(CHART_REVIEW, "bör ses över", "to be reviewed") \
    X(CHART_ACTIVE, "aktivt", "active") \
    X(CHART_PARTNER_REST, "Övriga %s partner, varav %s bör ses över", "%s other partners, %s of them to be reviewed") \
    X(CHART_NO_PARTNERS, "Inga registrerade partner", "No registered partners") \
    X(CHART_NO_PARTNER_FILE, "Planen har ingen partnerfil", "The plan has no partner file") \
    X(CHART_PANEL_FACTS, "Mål %s · %s: %s · målvärde %s · ", "Goal %s · %s: %s · target %s · ") \
    /* workbook */ \
    X(WB_SUBJECT, "Sammanställning av förvaltningarnas och bolagens inrapportering", "Compilation of the departments' and companies' submissions") \
    X(WB_KEYWORDS, "internationell plan, uppföljning, måluppfyllelse", "international plan, follow-up, goal attainment") \
    X(WB_COMMENTS, "Skapad av uppfolj %s", "Made by uppfolj %s") \
    X(WB_SHEET_SUMMARY, "Sammanfattning", "Summary") \
    X(WB_SHEET_UNITS, "Enheter", "Units") \
    X(WB_SHEET_ASSESSMENTS, "Självvärdering", "Self-assessment") \
    X(WB_SHEET_PARTNERS, "Partner", "Partners") \
    X(WB_SHEET_RAW, "Rådata", "Raw data") \
    X(WB_SHEET_RAW_N, "Rådata %s", "Raw data %s") \
    X(WB_SHEET_REJECTED, "Avvisade", "Rejected") \
    X(WB_SHEET_WARNINGS, "Varningar", "Warnings") \
    X(WB_SHEET_GOAL_N, "Mål nr %s", "Goal no %s") \
    X(WB_ROWS_READ, "Lästa rader", "Rows read") \
    X(WB_ROWS_ACCEPTED, "Godkända rader", "Rows accepted") \
    X(WB_ROWS_DUPLICATE, "Varav dubbletter (räknade en gång)", "Of which duplicates (counted once)") \
    X(WB_FILES_READ, "Lästa filer", "Files read") \
    X(WB_FILES_REJECTED, "Avvisade filer", "Files rejected") \
    X(WB_COL_GOAL_INDICATOR, "Mål / indikator", "Goal / indicator") \
    X(WB_COL_MEASURE, "Måttenhet", "Unit of measure") \
    X(WB_COL_AGGREGATION, "Aggregering", "Aggregation") \
    X(WB_COL_FIGURE, "Utfall", "Figure") \
    X(WB_COL_CHANGE_PCT, "Förändring %%", "Change %%") \
    X(WB_BLOCK_HEADER, "%s (%s; %s; riktning %s)", "%s (%s; %s; direction %s)") \
    X(WB_WHOLE, "Kommunen", "Municipality") \
    X(WB_WHOLE_NAME, "Kommunens värde", "The municipality's figure") \
    X(WB_WHOLE_TARGET, "Kommunens målvärde", "The municipality's target") \
    X(WB_STATUS_LEGEND, "Status per värde:", "Status of each figure:") \
    X(WB_COL_REPORTED, "Rapporterat", "Reported") \
    X(WB_COL_COMMENT, "Kommentar", "Comment") \
    X(WB_COL_NOTE, "Anmärkning", "Note") \
    X(WB_COL_REVIEW, "Översyn", "Review") \
    X(WB_REVIEW, "⚠ Ingen aktivitet senaste två åren: avtalet bör ses över", "⚠ No activity in the last two years: the agreement should be reviewed") \
    X(WB_DUPLICATE, "Dubblett, räknas en gång", "Duplicate, counted once") \
    X(WB_NO_VALUE, "Ej rapporterat (tomt värde)", "Not reported (empty value)") \
    X(WB_PROGRESS, "Rådata: %s av %s rader", "Raw data: %s of %s rows") \
    /* the plan's words as the reports show them (parsed in plan/plan_names.c) */ \
    X(NAME_AGG_SUM, "summa", "sum") \
    X(NAME_AGG_MEAN, "medel", "mean") \
    X(NAME_AGG_MAX, "max", "max") \
    X(NAME_AGG_MIN, "min", "min") \
    X(NAME_DIR_INCREASE, "öka", "increase") \
    X(NAME_DIR_DECREASE, "minska", "decrease") \
    X(NAME_UNIT_FORVALTNING, "förvaltning", "department") \
    X(NAME_UNIT_BOLAG, "bolag", "company") \
    X(NAME_UNIT_NAMND, "nämnd", "committee") \
    X(NAME_UNIT_OVRIGT, "övrigt", "other") \
    X(NAME_PARTNER_VANORT, "vänort", "twin town") \
    X(NAME_PARTNER_NATVERK, "nätverk", "network") \
    X(NAME_PARTNER_ORGANISATION, "organisation", "organisation") \
    /* command line */ \
    X(CLI_USAGE, \
      "Användning: uppfolj KOMMANDO [FLAGGOR] [INDATA] [FIL...]\n" \
      "\n" \
      "Kommandon:\n" \
      "  validate [INDATA] [FIL...]   kontrollera planen och inrapporteringen\n" \
      "  report [INDATA]              skriv arbetsbok, CSV, PDF-rapporter och webbsida\n" \
      "  template [INDATA]            skriv mallar per enhet för nästa års siffror\n" \
      "                               (standard: senaste året + 1, reports/mallar-ÅÅÅÅ)\n" \
      "\n" \
      "INDATA är en mapp med plan/ och inrapportering/ (standard: inputs).\n" \
      "FIL är en eller flera inrapporteringsfiler att kontrollera mot planen\n" \
      "i stället för hela inrapportering/.\n" \
      "\n" \
      "Flaggor:\n" \
      "  --year ÅÅÅÅ         rapportår (standard: senaste året i inrapporteringen)\n" \
      "  --out MAPP          var rapporterna skrivs (standard: reports/ÅÅÅÅ)\n" \
      "  --format LISTA      xlsx,csv,pdf,html (standard: alla); pdf kan delas upp i\n" \
      "                      styrelserapport,enheter,diagram; html är webbsidan\n" \
      "                      styrelserapport-ÅÅÅÅ.html\n" \
      "  --strict            avvisade rader gör körningen till ett fel (status 2)\n" \
      "  --quiet             skriv bara fel och varningar, inga sammanräkningar\n" \
      "  --lang sv|en        språk för meddelanden och rapporter (standard: sv)\n" \
      "  --jobs N            trådar för inläsning, enhetsrapporter och diagram\n" \
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
      "  report [INPUTS]              write the workbook, CSV, PDF reports and web page\n" \
      "  template [INPUTS]            write each unit's templates for next year\n" \
      "                               (default: latest year + 1, reports/mallar-YYYY)\n" \
      "\n" \
      "INPUTS is a folder with plan/ and inrapportering/ (default: inputs).\n" \
      "FILE is one or more submission files to check against the plan\n" \
      "instead of all of inrapportering/.\n" \
      "\n" \
      "Options:\n" \
      "  --year YYYY         report year (default: latest year in the submissions)\n" \
      "  --out DIR           where reports go (default: reports/YYYY)\n" \
      "  --format LIST       xlsx,csv,pdf,html (default: all); pdf can be split into\n" \
      "                      styrelserapport,enheter,diagram; html is the web page\n" \
      "                      styrelserapport-YYYY.html\n" \
      "  --strict            rejected rows make the run fail (status 2)\n" \
      "  --quiet             print only errors and warnings, no counts\n" \
      "  --lang sv|en        language of messages and reports (default: sv)\n" \
      "  --jobs N            threads for reading, unit reports and diagrams\n" \
      "                      (default: one per processor core)\n" \
      "  --help              show this help\n" \
      "  --version           show the version\n" \
      "\n" \
      "Exit status: 0 everything read cleanly (warnings allowed); 1 finished, but rows\n" \
      "or files were rejected; 2 usage error or fatal error, nothing written.\n") \
    X(CLI_UNKNOWN_OPTION, "okänd flagga ”%s”; se uppfolj --help", "unknown option “%s”; see uppfolj --help") \
    X(CLI_MISSING_ARG, "flaggan %s kräver ett värde", "option %s needs a value") \
    X(CLI_BAD_YEAR, "ogiltigt år ”%s” till --year", "invalid year “%s” for --year") \
    X(CLI_BAD_JOBS, "ogiltigt antal trådar ”%s” till --jobs; ange 1 till %s", "invalid number of threads “%s” for --jobs; give 1 to %s") \
    X(CLI_BAD_LANG, "okänt språk ”%s”; ange sv eller en", "unknown language “%s”; use sv or en") \
    X(CLI_BAD_FORMAT, "okänt format ”%s”; ange xlsx, csv, pdf, html, styrelserapport, enheter eller diagram", "unknown format “%s”; use xlsx, csv, pdf, html, styrelserapport, enheter or diagram") \
    X(CLI_UNKNOWN_COMMAND, "okänt kommando ”%s”; ange validate, report eller template", "unknown command “%s”; use validate, report or template") \
    X(CLI_NO_COMMAND, "inget kommando angivet; se uppfolj --help", "no command given; see uppfolj --help") \
    X(CLI_NOT_FOLDER, "”%s” är ingen mapp med plan/", "“%s” is not a folder with plan/") \
    X(CLI_FILES_IN_REPORT, "report tar bara en indatamapp, inte filer (”%s”)", "report takes only an input folder, not files (“%s”)") \
    X(CLI_STRICT_FAIL, "--strict: %s rader eller filer avvisades; inget har skrivits", "--strict: %s rows or files were rejected; nothing was written") \
    X(CLI_YEAR_NO_DATA, "det finns ingen godkänd inrapportering för %s", "there are no accepted submissions for %s") \
    X(CLI_NO_SUBMISSIONS, "inga inrapporteringsfiler (*.csv, *.xlsx) hittades i %s", "no submission files (*.csv, *.xlsx) were found in %s") \
    X(CLI_COUNT_ROWS, "Rader: %s lästa, %s godkända, %s avvisade", "Rows: %s read, %s accepted, %s rejected") \
    X(CLI_COUNT_DUPLICATES, ". Bland de godkända finns %s dubbletter, som räknas en gång", ". Among those accepted, %s duplicates are counted once") \
    X(CLI_COUNT_DUPLICATE, ". Bland de godkända finns en dubblett, som räknas en gång", ". Among those accepted, one duplicate is counted once") \
    X(CLI_COUNT_FILES, "Filer: %s lästa, %s avvisade", "Files: %s read, %s rejected") \
    X(CLI_COUNT_DIAGS, "Meddelanden: fel %s, varningar %s", "Messages: errors %s, warnings %s") \
    X(CLI_COVERAGE, "Inrapportering %s: %s av %s enheter", "Submissions %s: %s of %s units") \
    X(CLI_NO_FONT, "typsnittet för PDF-rapporterna hittades inte (sökte senast i %s); ange mappen med UPPFOLJ_FONT_DIR", "the font for the PDF reports was not found (last looked in %s); name the folder with UPPFOLJ_FONT_DIR") \
    X(CLI_WROTE, "Skrev %s", "Wrote %s") \
    X(CLI_EMPTY_OUT, "--out kräver en mapp, inte en tom text", "--out needs a folder, not an empty text") \
    X(CLI_OUT_IN_INPUTS, "utdatamappen %s ligger i inrapporteringsmappen, så nästa körning skulle läsa sina egna rapporter som inrapportering; välj en mapp utanför", "the output folder %s is inside the submissions folder, so the next run would read its own reports as submissions; choose a folder outside it") \
    X(CLI_OUT_LOCKED, "en annan körning skriver redan till %s; inget har skrivits. Försök igen när den är klar", "another run is already writing to %s; nothing was written. Try again when it has finished") \
    X(CLI_XLSX_DAMAGED, "arbetsboken blev ofullständig när den skrevs och har inte sparats; finns det plats för temporära filer (%s)?", "the workbook came out incomplete and was not saved; is there room for temporary files (%s)?") \
    X(CLI_TEMPLATE_WROTE, "Skrev mallar för %s enheter (arbetsbok och CSV) i %s", "Wrote templates for %s units (workbook and CSV) in %s") \
    X(CLI_ERROR_PREFIX, "uppfolj: fel: ", "uppfolj: error: ") \
    /* chart and page layout */ \
    X(CHART_UNITS_NO_VALUE, "Inget värde %s: %s", "No value %s: %s") \
    X(CHART_UNITS_NOT_REPORTED, "Har inte rapporterat %s: %s", "Not reported %s: %s") \
    X(CHART_UNITS_N, "%s enheter", "%s units") \
    X(CHART_REST_RANGE, "värden %s till %s", "values %s to %s") \
    /* statuses (contract v2): with a target, and without one (the trend) */ \
    X(WORD_MET, "Uppnått", "Achieved") \
    X(WORD_PARTLY, "Delvis uppnått", "Partly achieved") \
    X(WORD_NOT_MET, "Ej uppnått", "Not achieved") \
    X(WORD_IMPROVED, "Förbättrad", "Improved") \
    X(WORD_UNCHANGED, "Oförändrad", "Unchanged") \
    X(WORD_WORSENED, "Försämrad", "Worsened") \
    X(WORD_MISSING, "Underlag saknas", "No data") \
    X(COLOUR_GREEN, "Uppnått/förbättrad", "Achieved/improved") \
    X(COLOUR_YELLOW, "Delvis uppnått/oförändrad", "Partly achieved/unchanged") \
    X(COLOUR_RED, "Ej uppnått/försämrad", "Not achieved/worsened") \
    X(ASSESS_NONE, "Ej bedömt", "Not assessed") \
    X(ASSESS_DIFFERS_LONG, "avviker från siffrorna", "differs from the figures") \
    X(TARGET_OWN, "eget", "own") \
    X(TARGET_WHOLE, "kommunens", "municipality's") \
    X(PRELIM_ONE, "preliminär: 1 avvisad rad", "preliminary: 1 rejected row") \
    X(PRELIM_N, "preliminär: %s avvisade rader", "preliminary: %s rejected rows") \
    X(PRELIM_MARK, "*", "*") \
    X(PRELIM_NOTE, "* preliminär: avvisade rader ligger bakom värdet, som bygger på de godkända raderna", "* preliminary: rejected rows lie behind the figure, which is built from the accepted rows") \
    X(BOARD_PRELIMINARY, "Uppföljningen är preliminär: %s rader avvisades och ingår inte i siffrorna.", "The follow-up is preliminary: %s rows were rejected and are not in the figures.") \
    X(UNIT_NO_FILE, "ingen fil inkom", "no file arrived") \
    X(UNIT_NOTHING_REPORTED, "inget rapporterat", "nothing reported") \
    X(UNIT_ROWS_REJECTED, "rader avvisades", "rows were rejected") \
    X(UNIT_PRELIM_NOTE, "Rader avvisades (se Att rätta): värden märkta * är preliminära. ", "Rows were rejected (see To correct): figures marked * are preliminary. ") \
    X(UNIT_NOT_APPLICABLE, "Indikatorer som inte gäller enheten (ej aktuella) visas inte.", "Indicators that do not apply to the unit (not applicable) are not shown.") \
    X(UNIT_ASSESSMENT, "Självvärdering %s", "Self-assessment %s") \
    X(UNIT_NO_ASSESSMENT, "Ingen självvärdering inkom.", "No self-assessment arrived.") \
    X(HEAD_UNIT, "Enhet", "Unit") \
    X(HEAD_NAME, "Namn", "Name") \
    X(HEAD_GOAL, "Mål", "Goal") \
    X(HEAD_YEAR, "År", "Year") \
    X(HEAD_ASSESSMENT, "Bedömning", "Assessment") \
    X(HEAD_DIFFERS, "Avviker", "Differs") \
    X(HEAD_ANALYSIS, "Analys", "Analysis") \
    X(HEAD_ACTIONS, "Åtgärder", "Actions") \
    X(HEAD_FILE, "Fil", "File") \
    X(HEAD_LINE, "Rad", "Line") \
    X(HEAD_GREEN_RED, "Gröna/röda", "Green/red") \
    X(HEAD_REJECTED_ROWS, "Avvisade rader", "Rejected rows") \
    X(BOARD_OVERVIEW_NOTE, "Här räknas varje måls indikatorer efter status för kommunen som helhet, alltid med symbol och ord. Med målvärde: \xE2\x9C\x94 uppnått, \xE2\x97\x90 delvis uppnått, \xE2\x9C\x96 ej uppnått; utan målvärde beskriver orden utvecklingen: \xE2\x9C\x94 förbättrad, \xE2\x97\x90 oförändrad, \xE2\x9C\x96 försämrad; \xE2\x80\x93 underlag saknas. * preliminär.", "Each goal's indicators are counted here by status for the municipality as a whole, always with symbol and word. With a target: \xE2\x9C\x94 achieved, \xE2\x97\x90 partly achieved, \xE2\x9C\x96 not achieved; without one the words describe the trend: \xE2\x9C\x94 improved, \xE2\x97\x90 unchanged, \xE2\x9C\x96 worsened; \xE2\x80\x93 no data. * preliminary.") \
    X(YES, "Ja", "Yes") \
    X(NO, "Nej", "No") \
    X(XLSX_FOOTER, "&L&A&RSida &P av &N", "&L&A&RPage &P of &N") \
    X(XLSX_POINTS, " p.e.", " pp") \
    X(HEAD_INDICATOR, "Indikator", "Indicator") \
    X(HEAD_VALUE, "Värde", "Value") \
    X(HEAD_STATUS_OF, "Status: %s", "Status: %s") \
    X(HEAD_TARGET_OF, "Målvärde: %s", "Target: %s") \
    X(HEAD_TARGET_SOURCE_OF, "Målvärde avser: %s", "Target is: %s") \
    X(CHART_DESC, "Kommunens värde %s: %s", "The municipality's value %s: %s") \
    X(CHART_DESC_TARGET, "; målvärde %s", "; target %s") \
    X(CHART_NO_VALUE, "saknas", "missing") \
    X(CHART_DESC_SEP, "; ", "; ") \
    X(HEAD_COLUMN, "Kolumn", "Column") \
    X(HEAD_REASON, "Orsak", "Reason") \
    X(HEAD_MESSAGE, "Meddelande", "Message") \
    X(HEAD_ACTIVITIES_YEAR, "Aktiviteter ", "Activities ")

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
/* The same, never NULL: out of memory ends the run (uf_out_of_memory). */
char *uf_msg_xformat(uf_msg code, ...);

#endif
