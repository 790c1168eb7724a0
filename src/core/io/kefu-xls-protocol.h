/* kefu-xls-protocol.h — what kefu-xls-reader and KefuXlsReader say
 *
 * Kefu reads a .xls file in a process of its own, `kefu-xls-reader FILE`
 * (src/xls-reader/), so that FreeXL crashing, looping or eating memory
 * on a damaged file ends that process and not Kefu. The process keeps the
 * parsed workbook and answers on its stdin and stdout, which KefuXlsReader
 * makes one Unix socket.
 *
 * From kefu-xls-reader, records: a type byte, the length of the body
 * (u32) and the body. Integers are little-endian, numbers IEEE 754
 * doubles stored as little-endian u64, texts UTF-8 without a NUL:
 *
 *   'H' hello   u32 version (KEFU_XLS_PROTOCOL_VERSION); always first
 *   'N' sheets  u32 count, then per sheet u32 length + name
 *   'S' sheet   u32 index, u32 rows: the sheet's rows, blank ones included
 *   'R' row     u32 number (1-based), u16 n_cells, then per cell a type
 *               byte (KefuCellType); NUMBER, BOOLEAN and DATETIME then
 *               have the number, and every type but EMPTY a u32 length +
 *               text. Blank rows are left out; their numbers are not reused.
 *   'E' end     empty: the end of the sheet's rows
 *   '!' error   u32 code (KefuReaderError), then the message for the
 *               user; stands for the 'N' record when the file cannot be
 *               opened (kefu-xls-reader then exits with status 1), or for
 *               'S', or ends a sheet's rows, and the process goes on
 *
 * To kefu-xls-reader, commands: 'S' and a u32 sheet index. The answer is
 * an 'S' record and that sheet's rows up to 'E', or an error record. A
 * command that comes while rows are still being sent ends them early with
 * 'E'. The end of the input ends the process, with status 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define KEFU_XLS_READER_NAME        "kefu-xls-reader"
#define KEFU_XLS_PROTOCOL_VERSION   1

#define KEFU_XLS_RECORD_HELLO       'H'
#define KEFU_XLS_RECORD_SHEETS      'N'
#define KEFU_XLS_RECORD_SHEET       'S'
#define KEFU_XLS_RECORD_ROW         'R'
#define KEFU_XLS_RECORD_END         'E'
#define KEFU_XLS_RECORD_ERROR       '!'

#define KEFU_XLS_COMMAND_SHEET      'S'

#define KEFU_XLS_HEADER_LENGTH      5    /* type byte + u32 length */
#define KEFU_XLS_COMMAND_LENGTH     5    /* 'S' + u32 index */

/* BIFF8 texts hold up to 32,767 characters, a row up to 256 cells; a
 * longer record is a broken stream, not a workbook. */
#define KEFU_XLS_MAX_RECORD         (64u << 20)
