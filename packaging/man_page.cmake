# Writes tebiki(1) from `tebiki --help`, so the man page and the help text never differ.
# cmake -DTEBIKI=path/to/tebiki -DVERSION=x.y.z -DOUT=tebiki.1 -P man_page.cmake
execute_process(COMMAND ${TEBIKI} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc
                ENCODING UTF-8)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tebiki --help failed (${rc})")
endif()

# roff: a backslash is \e, a hyphen in an option is a minus (\-), a line may not start with . or '.
function(roff_escape text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  if(text MATCHES "^[.']")
    set(text "\\&${text}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

string(REPLACE "\n" ";" lines "${help}")
set(commands "")
set(common "")
foreach(line IN LISTS lines)
  if(line MATCHES "^  tebiki(.*)$")
    roff_escape("tebiki${CMAKE_MATCH_1}" entry)
    string(APPEND commands ".TP\n.B ${entry}\n")
  elseif(line MATCHES "^      (.+)$")
    roff_escape("${CMAKE_MATCH_1}" entry)
    string(APPEND commands "${entry}\n")
  elseif(line MATCHES "^共通オプション:(.*)$")
    roff_escape("${CMAKE_MATCH_1}" entry)
    string(STRIP "${entry}" entry)
    set(common "${entry}\n")
  endif()
endforeach()

file(WRITE ${OUT} ".\\\" Generated from `tebiki --help` by packaging/man_page.cmake; do not edit.
.TH TEBIKI 1 \"\" \"tebiki ${VERSION}\" \"User Commands\"
.\\\" Japanese has no spaces to stretch: fill ragged-right, no hyphenation.
.ad l
.nh
.SH NAME
tebiki \\- telework introduction guide, readiness assessment and drafts for municipal offices
.SH SYNOPSIS
.B tebiki
[コマンド] [オプション]
.SH DESCRIPTION
自治体のテレワーク導入の手引きを読み、部署の準備度を診断し、在宅勤務実施要綱と様式の案を作成します。
キオスク（共用の画面）と発表（プロジェクター）にも使えます。
.SH COMMANDS
${commands}.SH OPTIONS
${common}.TP
.B \\-\\-help
この一覧を表示します。
.SH FILES
.TP
.I /etc/tebiki/config.toml
端末共通の設定（記録の保存先、キオスクの既定値、ガイドのフォルダ）。利用者の設定より先に読みます。
環境変数 TEBIKI_SYSTEM_CONFIG で別のファイルを指定できます。
.TP
.I /usr/share/tebiki
ガイド・質問票・文書の定義。
.TP
.I ~/.local/share/tebiki
利用者の記録（tebiki.sqlite）と検索索引。
.SH SEE ALSO
.I /usr/share/doc/tebiki/README.md
")
