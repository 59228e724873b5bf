# Registers every doctest TEST_CASE of a binary as a CTest test, by asking the binary for its
# list after it is built (like gtest_discover_tests), so ctest's summary counts each case.
# An optional second argument is a list of NAME=VALUE set in each test's environment.
function(doctest_discover target)
  set(ctest_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_tests.cmake")
  set(script "${CMAKE_CURRENT_BINARY_DIR}/${target}_discover.cmake")
  set(environment "${ARGV1}")
  file(WRITE ${script} "set(TEST_ENVIRONMENT \"${environment}\")\n")
  file(APPEND ${script} [=[
set(ENV{ASAN_OPTIONS} "detect_leaks=0")  # listing the cases is not a test (sanitizer builds)
execute_process(COMMAND "${EXE}" --list-test-cases --no-version OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "listing test cases failed")
endif()
# A ';' in a test name would split it into two CTest tests that run nothing: list it as ','.
string(REPLACE ";" "@SEMICOLON@" out "${out}")
string(REPLACE "\n" ";" lines "${out}")
set(content "")
foreach(line ${lines})
  string(STRIP "${line}" name)
  string(REPLACE "@SEMICOLON@" "," name "${name}")
  if(name STREQUAL "" OR name MATCHES "^\\[doctest\\]" OR name MATCHES "^=+$")
    continue()
  endif()
  string(REPLACE "\\" "\\\\" escaped "${name}")
  string(REPLACE "\"" "\\\"" escaped "${escaped}")
  # doctest filters treat * ? and , specially: match those characters with the one-character wildcard.
  string(REGEX REPLACE "[*?,]" "?" filter "${name}")
  string(REPLACE "\\" "\\\\" filter_escaped "${filter}")
  string(REPLACE "\"" "\\\"" filter_escaped "${filter_escaped}")
  string(APPEND content "add_test(\"${escaped}\" \"${EXE}\" \"--test-case=${filter_escaped}\" \"--no-version\")\n")
  if(TEST_ENVIRONMENT)
    string(APPEND content "set_tests_properties(\"${escaped}\" PROPERTIES ENVIRONMENT \"${TEST_ENVIRONMENT}\")\n")
  endif()
endforeach()
file(WRITE "${OUT}" "${content}")
]=])
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:${target}> -DOUT=${ctest_file} -P ${script}
    BYPRODUCTS ${ctest_file}
    VERBATIM)
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${ctest_file})
endfunction()
