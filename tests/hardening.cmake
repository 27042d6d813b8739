# Hardening tests (issue 5), included from tests/CMakeLists.txt:
#   fuzz/short                 libFuzzer harnesses, built apart with clang (tests/fuzz/run.sh);
#                              regressions replayed, then 25 s per fuzzer (reader, validate) and 45 s
#                              for report (the whole report path, every format); skipped without clang
#   hardening/faults           fault injection: unwritable output, full disk, rename and
#                              allocation failures, out of memory, unreadable inputs
#   hardening/conservation     random input folders with known flaws: read = accepted + rejected,
#                              every flaw reported at its line, figures recomputed
#   hardening/hostile          formula-like, XML-special, control and 100 kB comments, path-like ids:
#                              the workbook opens in openpyxl, the CSV stays well-formed; hostile
#                              .xlsx submissions through uppfolj validate
#   hardening/output           issue 14's output stage: a regression for each of its cases
#                              4, 6-11 and 14 and the points of 15 (output.sh regress)
#   hardening/concurrency      two runs into one folder, 20 times: one run's whole set
#   hardening/signals          SIGINT, SIGTERM, SIGHUP at 8 moments each: the earlier
#                              set intact or the new one whole, no temporary file
#   hardening/valgrind         validate and report under valgrind memcheck, and a large report
#                              under helgrind (label slow)
# All are labelled "hardening"; `ctest -LE slow` leaves out valgrind and the fuzzers.

# The LD_PRELOAD fault injectors. Never sanitized: they are preloaded into
# sanitized binaries too, and one of them replaces malloc.
foreach(shim failwrite failalloc)
  add_library(uf_${shim} SHARED ${CMAKE_CURRENT_SOURCE_DIR}/hardening/failwrite.c)
  set_property(TARGET uf_${shim} PROPERTY COMPILE_OPTIONS "")
  set_property(TARGET uf_${shim} PROPERTY LINK_OPTIONS "")
  set_property(TARGET uf_${shim} PROPERTY C_EXTENSIONS ON)
  target_link_libraries(uf_${shim} PRIVATE ${CMAKE_DL_LIBS})
endforeach()
target_compile_definitions(uf_failalloc PRIVATE UF_FAIL_ALLOC)

if(UPPFOLJ_SANITIZE)
  set(UF_HARDENING_SANITIZED 1)
else()
  set(UF_HARDENING_SANITIZED 0)
endif()

add_test(NAME fuzz/short
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run.sh --short --build-dir ${CMAKE_CURRENT_BINARY_DIR}/fuzz)
set_tests_properties(fuzz/short PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS "hardening;fuzz;slow")

add_test(NAME hardening/faults
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/hardening/faults.sh $<TARGET_FILE:uppfolj>
          $<TARGET_FILE:uf_failwrite> $<TARGET_FILE:uf_failalloc> ${UF_HARDENING_SANITIZED})
set_tests_properties(hardening/faults PROPERTIES TIMEOUT 300 LABELS "hardening")

add_test(NAME hardening/conservation
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/hardening/conservation.py $<TARGET_FILE:uppfolj>)
set_tests_properties(hardening/conservation PROPERTIES TIMEOUT 120 LABELS "hardening")

add_test(NAME hardening/hostile
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/hardening/hostile.py $<TARGET_FILE:uppfolj>)
set_tests_properties(hardening/hostile PROPERTIES TIMEOUT 120 LABELS "hardening")

# valgrind and ASan do not mix: only the plain build runs it.
if(NOT UPPFOLJ_SANITIZE)
  add_test(NAME hardening/valgrind
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/hardening/valgrind.sh $<TARGET_FILE:uppfolj>)
  set_tests_properties(hardening/valgrind PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS "hardening;slow")
endif()

# Issue 14's output stage: the lock, commits that signals cannot cut, a
# damaged workbook never kept, stale outputs, a concurrency test and a
# signal sweep. slowfs is its LD_PRELOAD shim (slow renames and mkstemp).
add_library(uf_slowfs SHARED ${CMAKE_CURRENT_SOURCE_DIR}/hardening/slowfs.c)
set_property(TARGET uf_slowfs PROPERTY COMPILE_OPTIONS "")
set_property(TARGET uf_slowfs PROPERTY LINK_OPTIONS "")
set_property(TARGET uf_slowfs PROPERTY C_EXTENSIONS ON)
target_link_libraries(uf_slowfs PRIVATE ${CMAKE_DL_LIBS})
foreach(part regress concurrency signals)
  if(part STREQUAL "regress")
    set(name hardening/output)
  else()
    set(name hardening/${part})
  endif()
  add_test(NAME ${name}
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/hardening/output.sh $<TARGET_FILE:uppfolj>
            $<TARGET_FILE:uf_slowfs> ${UF_HARDENING_SANITIZED} ${part})
  set_tests_properties(${name} PROPERTIES TIMEOUT 180 LABELS "hardening")
endforeach()
