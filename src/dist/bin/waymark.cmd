@echo off
rem Waymark launcher for Windows: the bundled runtime if present, else %%JAVA_HOME%%, else java on PATH (17 or newer).
setlocal
set "WAYMARK_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%WAYMARK_HOME%\runtime\bin\java.exe" set "JAVA=%WAYMARK_HOME%\runtime\bin\java.exe"
"%JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %WAYMARK_JAVA_OPTS% "-Dwaymark.home=%WAYMARK_HOME%" -cp "%WAYMARK_HOME%\lib\*" dev.waymark.cli.Waymark %*
exit /b %ERRORLEVEL%
